// Load test: the seed project's Locust run rebuilt for k6 — 200 concurrent users spawned at
// 20 users/s (0 -> 200 VUs over 10s), held so the whole run lasts 1 minute. Keys follow a
// Zipf-like distribution (a few hot keys, long tail), and each user waits 1-2s between requests
// like a Locust `between(1, 2)` user. With API_KEY set, WRITE_RATIO (5%) of requests are PUTs.
//
//   k6 run k6/load.js -e BASE_URL=http://localhost:5180 [-e API_KEY=...] [-e ZIPF_S=1.2]

import { SUMMARY_TREND_STATS, nextKey, readOrWrite, summary, thinkTime } from './lib/config.js';

export const options = {
  stages: [
    { duration: '10s', target: 200 },
    { duration: '50s', target: 200 },
  ],
  summaryTrendStats: SUMMARY_TREND_STATS,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    http_req_duration: ['p(95)<50', 'p(99)<100'],
  },
};

export default function () {
  readOrWrite(nextKey());
  thinkTime(1, 2);
}

const report = summary('load');

export function handleSummary(data) {
  return report(data);
}
