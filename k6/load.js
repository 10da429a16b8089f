// Load test: the seed project's Locust run rebuilt for k6 — 200 concurrent users spawned at
// 20 users/s (0 -> 200 VUs over 10s), held so the whole run lasts 1 minute. Keys follow a
// Zipf-like distribution (a few hot keys, long tail), and each user waits 1-2s between requests
// like a Locust `between(1, 2)` user. With API_KEY set, WRITE_RATIO (5%) of requests are PUTs.
//
//   k6 run k6/load.js -e BASE_URL=http://localhost:5180 [-e API_KEY=...] [-e ZIPF_S=1.2]

import { nextKey, readOrWrite, summary, thinkTime } from './lib/config.js';
import { rampOptions } from './lib/options.js';

export const options = rampOptions(
  [
    { duration: '10s', target: 200 },
    { duration: '50s', target: 200 },
  ],
  { p95: 50, p99: 100 },
);

export default function () {
  readOrWrite(nextKey());
  thinkTime(1, 2);
}

const report = summary('load');

/** @param {import('./lib/config.js').SummaryData} data */
export function handleSummary(data) {
  return report(data);
}
