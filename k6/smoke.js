// Smoke test: 2 VUs for 30s. Verifies the API contract end to end before any heavier run:
// GET hit/miss/coalesced/bypass, /metrics shape, 404 and 400 ProblemDetails, and (with API_KEY) a
// PUT -> GET -> DELETE round trip plus a 401 for a wrong key.
//
//   k6 run k6/smoke.js -e BASE_URL=http://localhost:5180 [-e API_KEY=...]

import http from 'k6/http';
import { check, sleep } from 'k6';
import {
  API_KEY, BASE_URL, DELETE_TAG, GET_TAG, PUT_TAG, WRITES_ENABLED,
  dataUrl, getItem, parseJson, putItem, summary, uniformKey,
} from './lib/config.js';
import { SUMMARY_TREND_STATS } from './lib/options.js';

/** @type {import('k6/options').Options} */
export const options = {
  vus: 2,
  duration: '30s',
  summaryTrendStats: SUMMARY_TREND_STATS,
  thresholds: {
    http_req_failed: ['rate==0'],
    checks: ['rate==1'],
    // Lenient: the first requests pay for .NET JIT and cold database connections.
    http_req_duration: ['p(95)<100', 'p(99)<500'],
  },
};

/** @typedef {import('./lib/config.js').Item} Item */

const MISSING_KEY = 999999999;
// Keys for the write round trip: far outside the seeded range and distinct per VU.
const SCRATCH_KEY_BASE = 900000000;

/**
 * The API's `GET /metrics` body.
 * @typedef {{ hits: number, misses: number, hit_rate: number, evictions: number, count: number, capacity: number }} CacheMetrics
 */

/**
 * Whether `res` is an RFC 9457 problem with this status, in the body too.
 * @param {import('k6/http').Response} res
 * @param {number} status
 */
function isProblem(res, status) {
  const body = /** @type {{ status?: number } | null} */ (parseJson(res));
  return res.status === status &&
    String(res.headers['Content-Type'] || '').indexOf('application/problem+json') !== -1 &&
    body !== null && body.status === status;
}

// 4xx answers below are the expected outcome, so they must not count towards http_req_failed.
/**
 * @param {number} status
 * @param {string} name the `name` tag
 * @param {import('k6/http').Params} [extra]
 * @returns {import('k6/http').Params}
 */
function expecting(status, name, extra) {
  return Object.assign({ responseCallback: http.expectedStatuses(status), tags: { name: name } }, extra || {});
}

function checkMetrics() {
  const res = http.get(`${BASE_URL}/metrics`, { tags: { name: 'GET /metrics' } });
  const m = /** @type {CacheMetrics | null} */ (parseJson(res));
  /** @param {number} v */
  const isCount = (v) => Number.isInteger(v) && v >= 0;
  check(res, {
    'metrics status is 200': (r) => r.status === 200,
    'metrics hits/misses/evictions are counts': () =>
      m !== null && isCount(m.hits) && isCount(m.misses) && isCount(m.evictions),
    'metrics hit_rate in [0,1]': () => m !== null && typeof m.hit_rate === 'number' && m.hit_rate >= 0 && m.hit_rate <= 1,
    'metrics count <= capacity': () =>
      m !== null && isCount(m.count) && Number.isInteger(m.capacity) && m.capacity > 0 && m.count <= m.capacity,
  });
}

function checkErrors() {
  const notFound = http.get(dataUrl(MISSING_KEY), expecting(404, GET_TAG));
  check(notFound, { 'missing key is 404 ProblemDetails': (r) => isProblem(r, 404) });

  for (const bad of ['abc', '0']) {
    const res = http.get(dataUrl(bad), expecting(400, GET_TAG));
    check(res, { [`key "${bad}" is 400 ProblemDetails`]: (r) => isProblem(r, 400) });
  }
}

function checkCache() {
  const key = uniformKey();
  getItem(key); // MISS, COALESCED or HIT depending on what ran before
  const second = getItem(key);
  check(second, { 'repeat GET is a cache HIT': (r) => r.headers['X-Cache'] === 'HIT' });

  const bypass = getItem(key, { headers: { 'Cache-Control': 'no-cache' } });
  check(bypass, { 'no-cache GET is BYPASS': (r) => r.headers['X-Cache'] === 'BYPASS' });

  const seeded = getItem(1);
  check(seeded, {
    'seeded key 1 has value-1': (r) => /** @type {Item | null} */ (parseJson(r))?.value === 'value-1',
  });
}

function checkWrites() {
  const key = SCRATCH_KEY_BASE + __VU;
  const value = `smoke-${__VU}-${__ITER}`;

  const wrongKey = http.put(dataUrl(key), JSON.stringify({ value: value }), expecting(401, PUT_TAG, {
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': `wrong-${API_KEY}` },
  }));
  check(wrongKey, { 'PUT with wrong API key is 401': (r) => r.status === 401 });

  putItem(key, value);
  const read = getItem(key);
  check(read, {
    'GET after PUT returns the new value': (r) => /** @type {Item | null} */ (parseJson(r))?.value === value,
  });

  const authHeaders = { headers: { 'X-Api-Key': API_KEY } };
  const del = http.del(dataUrl(key), null, Object.assign({ tags: { name: DELETE_TAG } }, authHeaders));
  check(del, { 'DELETE is 204': (r) => r.status === 204 });

  const gone = http.get(dataUrl(key), expecting(404, GET_TAG));
  check(gone, { 'GET after DELETE is 404 (cache invalidated)': (r) => r.status === 404 });

  const again = http.del(dataUrl(key), null, expecting(404, DELETE_TAG, authHeaders));
  check(again, { 'second DELETE is 404': (r) => r.status === 404 });
}

export default function () {
  checkCache();
  checkMetrics();
  checkErrors();
  if (WRITES_ENABLED) checkWrites();
  sleep(1);
}

const report = summary('smoke');

/** @param {import('./lib/config.js').SummaryData} data */
export function handleSummary(data) {
  return report(data);
}
