// Revalidation: what a 304 from the API's cache costs next to a 200 from the cache and the database path.
// Four phases of VUS closed-loop VUs, PHASE each, one after the other, over the same hot keys:
//   cache_200      GET /data/{key}                                       200, X-Cache: HIT
//   cache_304      GET /data/{key} + If-None-Match: <its ETag>            304, X-Cache: HIT (no body, no database)
//   database_200   GET /data/{key} + Cache-Control: no-cache              200, X-Cache: BYPASS (PostgreSQL)
//   database_304   GET /data/{key} + no-cache + If-None-Match             304, X-Cache: BYPASS (PostgreSQL, no body)
// setup() reads every hot key once (which also fills the API's cache) and keeps its ETag. Run it with no
// writers: a write changes a key's ETag, and its revalidations then get 200 and fail their checks.
//
//   k6 run k6/revalidate.js -e BASE_URL=http://localhost:5180 [-e VUS=32] [-e PHASE_SECONDS=20] [-e HOT_KEYS=800]

import http from 'k6/http';
import { check } from 'k6';
import { BASE_URL, GET_TAG, dataUrl, envNumber, summary } from './lib/config.js';
import { SUMMARY_TREND_STATS } from './lib/options.js';

const VUS = Math.floor(envNumber('VUS', 32));
const PHASE_SECONDS = Math.floor(envNumber('PHASE_SECONDS', 20));
// 80 % of the API's default capacity (1,000), as benchmarks/e2e/run.sh: every hot key stays cached.
const HOT_KEYS = Math.floor(envNumber('HOT_KEYS', 800));
const PHASES = ['cache_200', 'cache_304', 'database_200', 'database_304'];
// A pause between phases, so one phase's last requests do not overlap the next one's first.
const GAP_SECONDS = 2;

if (VUS < 1) throw new Error(`VUS must be >= 1, got ${VUS}`);
if (PHASE_SECONDS < 1) throw new Error(`PHASE_SECONDS must be >= 1, got ${PHASE_SECONDS}`);
if (HOT_KEYS < 1) throw new Error(`HOT_KEYS must be >= 1, got ${HOT_KEYS}`);

/** @type {import('k6/options').Options} */
export const options = {
  summaryTrendStats: SUMMARY_TREND_STATS,
  // 304 is a success (k6 counts 200-399 as expected), so http_req_failed stays 0 on every phase.
  scenarios: Object.fromEntries(PHASES.map((phase, i) => [phase, {
    executor: 'constant-vus',
    exec: phase,
    vus: VUS,
    duration: `${PHASE_SECONDS}s`,
    startTime: `${i * (PHASE_SECONDS + GAP_SECONDS)}s`,
    gracefulStop: '1s',
  }])),
  thresholds: Object.assign(
    { checks: ['rate==1'], http_req_failed: ['rate==0'] },
    // One sub-metric per phase, so the summary has each phase's count and latency percentiles.
    ...PHASES.map((phase) => ({
      [`http_reqs{scenario:${phase}}`]: ['count>0'],
      [`http_req_duration{scenario:${phase}}`]: ['p(99)<1000'],
    }))),
};

/** @typedef {{ etags: string[] }} SetupData etags[key - 1] is the ETag of key */

/** @returns {SetupData} */
export function setup() {
  /** @type {string[]} */
  const etags = [];
  for (let first = 1; first <= HOT_KEYS; first += 100) {
    /** @type {number[]} */
    const keys = [];
    for (let key = first; key < Math.min(first + 100, HOT_KEYS + 1); key++) keys.push(key);
    const responses = http.batch(keys.map((key) => ['GET', dataUrl(key), null, { tags: { name: 'setup' } }]));
    responses.forEach((res, i) => {
      const etag = res.headers['Etag'];
      if (res.status !== 200 || !etag) throw new Error(`GET ${dataUrl(keys[i])}: ${res.status}, ETag ${etag}`);
      etags.push(etag);
    });
  }
  return { etags };
}

/**
 * One read of a random hot key with the phase's headers, and its checks.
 * @param {SetupData} data
 * @param {boolean} revalidate send the key's ETag in If-None-Match
 * @param {boolean} bypass send Cache-Control: no-cache (the API reads PostgreSQL)
 */
function read(data, revalidate, bypass) {
  const key = 1 + Math.floor(Math.random() * HOT_KEYS);
  const etag = data.etags[key - 1];
  /** @type {{ [name: string]: string }} */
  const headers = {};
  if (revalidate) headers['If-None-Match'] = etag;
  if (bypass) headers['Cache-Control'] = 'no-cache';
  const res = http.get(dataUrl(key), { headers: headers, tags: { name: GET_TAG } });
  const xCache = res.headers['X-Cache'];
  check(res, {
    'status is 304 when revalidating, else 200': (r) => r.status === (revalidate ? 304 : 200),
    'ETag is the key\'s': (r) => r.headers['Etag'] === etag,
    'X-Cache is BYPASS when bypassing, else a cache answer': () =>
      bypass ? xCache === 'BYPASS' : ['HIT', 'MISS', 'COALESCED'].indexOf(xCache) !== -1,
    'a 304 has no body': (r) => !revalidate || !r.body,
  });
}

/** @param {SetupData} data */
export function cache_200(data) { read(data, false, false); }

/** @param {SetupData} data */
export function cache_304(data) { read(data, true, false); }

/** @param {SetupData} data */
export function database_200(data) { read(data, false, true); }

/** @param {SetupData} data */
export function database_304(data) { read(data, true, true); }

const report = summary('revalidate');

/**
 * The shared summary, then one line per phase: requests per second over the phase, p50 and p99.
 * @param {import('./lib/config.js').SummaryData} data
 */
export function handleSummary(data) {
  const out = report(data);
  /** @param {string} metric @param {string} stat */
  const value = (metric, stat) => (data.metrics[metric] && data.metrics[metric].values || {})[stat];
  const lines = PHASES.map((phase) => {
    const count = value(`http_reqs{scenario:${phase}}`, 'count') || 0;
    const p50 = value(`http_req_duration{scenario:${phase}}`, 'med');
    const p99 = value(`http_req_duration{scenario:${phase}}`, 'p(99)');
    return `  ${phase.padEnd(13)} ${(count / PHASE_SECONDS).toFixed(0).padStart(8)} req/s   ` +
      `p50 ${p50 === undefined ? 'n/a' : p50.toFixed(2)} ms   p99 ${p99 === undefined ? 'n/a' : p99.toFixed(2)} ms`;
  });
  out.stdout += `\n  per phase (${VUS} VUs, ${PHASE_SECONDS} s each, keys 1..${HOT_KEYS}, ${BASE_URL}):\n${lines.join('\n')}\n`;
  return out;
}
