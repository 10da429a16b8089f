// Spike test: a quiet baseline of 10 VUs, a sudden jump to 500 VUs for one minute, then back to
// 10 — checks that the API absorbs a burst (cold cache keys, connection pool growth) and
// recovers. Users wait 0.1-0.5s between requests. Zipf keys, read-only.
//
//   k6 run k6/spike.js -e BASE_URL=http://localhost:5180

import { SUMMARY_TREND_STATS, getItem, nextKey, summary, thinkTime } from './lib/config.js';

export const options = {
  stages: [
    { duration: '5s', target: 10 },
    { duration: '30s', target: 10 },
    { duration: '5s', target: 500 }, // the spike
    { duration: '1m', target: 500 },
    { duration: '5s', target: 10 },
    { duration: '30s', target: 10 }, // recovery
    { duration: '5s', target: 0 },
  ],
  summaryTrendStats: SUMMARY_TREND_STATS,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    // The burst itself queues requests; the limits bound how bad it may get, not steady state.
    http_req_duration: ['p(95)<500', 'p(99)<1000'],
  },
};

export default function () {
  getItem(nextKey());
  thinkTime(0.1, 0.5);
}

const report = summary('spike');

export function handleSummary(data) {
  return report(data);
}
