// Spike test: a quiet baseline of 10 VUs, a sudden jump to 500 VUs for one minute, then back to
// 10 — checks that the API absorbs a burst (cold cache keys, connection pool growth) and
// recovers. Users wait 0.1-0.5s between requests. Zipf keys, read-only.
//
//   k6 run k6/spike.js -e BASE_URL=http://localhost:5180

import { getItem, nextKey, summary, thinkTime } from './lib/config.js';
import { rampOptions } from './lib/options.js';

export const options = rampOptions(
  [
    { duration: '5s', target: 10 },
    { duration: '30s', target: 10 },
    { duration: '5s', target: 500 }, // the spike
    { duration: '1m', target: 500 },
    { duration: '5s', target: 10 },
    { duration: '30s', target: 10 }, // recovery
    { duration: '5s', target: 0 },
  ],
  // The burst itself queues requests; the limits bound how bad it may get, not steady state.
  { p95: 500, p99: 1000 },
);

export default function () {
  getItem(nextKey());
  thinkTime(0.1, 0.5);
}

const report = summary('spike');

/** @param {import('./lib/config.js').SummaryData} data */
export function handleSummary(data) {
  return report(data);
}
