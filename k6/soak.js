// Soak test: a moderate, steady load (VUS, default 100) held for a long time (DURATION, default
// 30m) to surface slow leaks — memory growth, connection exhaustion, latency drift as the LRU
// churns. Zipf keys, 1-2s think time; with API_KEY set, WRITE_RATIO (5%) of requests are PUTs.
//
//   k6 run k6/soak.js -e BASE_URL=http://localhost:5180 [-e DURATION=2h] [-e VUS=100] [-e API_KEY=...]

import { envNumber, nextKey, readOrWrite, summary, thinkTime } from './lib/config.js';
import { rampOptions } from './lib/options.js';

const VUS = Math.max(1, Math.floor(envNumber('VUS', 100)));
const DURATION = __ENV.DURATION || '30m';

export const options = rampOptions(
  // 1m ramps on either side of the DURATION-long plateau.
  [
    { duration: '1m', target: VUS },
    { duration: DURATION, target: VUS },
    { duration: '1m', target: 0 },
  ],
  { p95: 50, p99: 100 },
);

export default function () {
  readOrWrite(nextKey());
  thinkTime(1, 2);
}

const report = summary('soak');

/** @param {import('./lib/config.js').SummaryData} data */
export function handleSummary(data) {
  return report(data);
}
