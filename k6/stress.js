// Stress test: push past the load profile in steps, 200 -> 400 -> 600 VUs, holding each step,
// to find where latency and errors start to climb. Users wait only 0.1-0.5s between requests,
// so each step adds real pressure. Zipf keys, read-only.
//
//   k6 run k6/stress.js -e BASE_URL=http://localhost:5180

import { SUMMARY_TREND_STATS, getItem, nextKey, summary, thinkTime } from './lib/config.js';

export const options = {
  stages: [
    { duration: '30s', target: 200 },
    { duration: '1m', target: 200 },
    { duration: '30s', target: 400 },
    { duration: '1m', target: 400 },
    { duration: '30s', target: 600 },
    { duration: '1m', target: 600 },
    { duration: '30s', target: 0 },
  ],
  summaryTrendStats: SUMMARY_TREND_STATS,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    // Looser than load.js: on a 2-core machine k6 and the API compete for CPU at 600 VUs.
    http_req_duration: ['p(95)<250', 'p(99)<500'],
  },
};

export default function () {
  getItem(nextKey());
  thinkTime(0.1, 0.5);
}

const report = summary('stress');

export function handleSummary(data) {
  return report(data);
}
