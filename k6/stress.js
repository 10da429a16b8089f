// Stress test: push past the load profile in steps, 200 -> 400 -> 600 VUs, holding each step,
// to find where latency and errors start to climb. Users wait only 0.1-0.5s between requests,
// so each step adds real pressure. Zipf keys, read-only.
//
//   k6 run k6/stress.js -e BASE_URL=http://localhost:5180

import { getItem, nextKey, summary, thinkTime } from './lib/config.js';
import { rampOptions } from './lib/options.js';

export const options = rampOptions(
  [
    { duration: '30s', target: 200 },
    { duration: '1m', target: 200 },
    { duration: '30s', target: 400 },
    { duration: '1m', target: 400 },
    { duration: '30s', target: 600 },
    { duration: '1m', target: 600 },
    { duration: '30s', target: 0 },
  ],
  // Looser than load.js: on a 2-core machine k6 and the API compete for CPU at 600 VUs.
  { p95: 250, p99: 500 },
);

export default function () {
  getItem(nextKey());
  thinkTime(0.1, 0.5);
}

const report = summary('stress');

/** @param {import('./lib/config.js').SummaryData} data */
export function handleSummary(data) {
  return report(data);
}
