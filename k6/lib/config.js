// Shared configuration and helpers for the LruAspire k6 scripts.
// Everything here is read from `-e NAME=value` (k6's __ENV) with the defaults below.
// The JSDoc types are checked against k6's own definitions by k6/check.sh (see README.md).

import http from 'k6/http';
import { check, sleep } from 'k6';
import { SharedArray } from 'k6/data';

/** @typedef {import('k6/http').Params} Params */
/** @typedef {import('k6/http').Response} Response */

/**
 * The API's item body (`GET /data/{key}`).
 * @typedef {{ key: number, value: string }} Item
 */

/**
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
export function envNumber(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

export const BASE_URL = (__ENV.BASE_URL || 'http://localhost:5180').replace(/\/+$/, '');
export const KEY_SPACE = Math.floor(envNumber('KEY_SPACE', 10000));
export const ZIPF_S = envNumber('ZIPF_S', 1.0);
export const KEY_DIST = (__ENV.KEY_DIST || 'zipf').toLowerCase();
export const API_KEY = __ENV.API_KEY || '';
export const WRITES_ENABLED = API_KEY !== '';
export const WRITE_RATIO = envNumber('WRITE_RATIO', 0.05);
export const SUMMARY_DIR = (__ENV.SUMMARY_DIR || 'k6/results').replace(/\/+$/, '');

if (KEY_SPACE < 1) throw new Error(`KEY_SPACE must be >= 1, got ${KEY_SPACE}`);
if (ZIPF_S < 0) throw new Error(`ZIPF_S must be >= 0, got ${ZIPF_S}`);
if (KEY_DIST !== 'zipf' && KEY_DIST !== 'uniform') {
  throw new Error(`KEY_DIST must be "zipf" or "uniform", got "${KEY_DIST}"`);
}
if (!(WRITE_RATIO >= 0 && WRITE_RATIO <= 1)) throw new Error(`WRITE_RATIO must be in [0, 1], got ${WRITE_RATIO}`);

// Tag names so every key is aggregated under one URL instead of 10,000 separate time series.
export const GET_TAG = 'GET /data/{key}';
export const PUT_TAG = 'PUT /data/{key}';
export const DELETE_TAG = 'DELETE /data/{key}';

/** @param {number | string} key a key, or any path segment (smoke.js sends invalid ones) */
export function dataUrl(key) {
  return `${BASE_URL}/data/${key}`;
}

// ---------------------------------------------------------------- key choosers

/** @returns {number} */
export function uniformKey() {
  return 1 + Math.floor(Math.random() * KEY_SPACE);
}

// CDF of P(k) ∝ 1 / k^s for k = 1..KEY_SPACE. A SharedArray is built once and shared by all VUs,
// so a large KEY_SPACE does not cost one copy per VU.
const zipfCdf = new SharedArray('zipf-cdf', function () {
  /** @type {number[]} */
  const cdf = new Array(KEY_SPACE);
  let total = 0;
  for (let k = 1; k <= KEY_SPACE; k++) {
    total += Math.pow(k, -ZIPF_S);
    cdf[k - 1] = total;
  }
  for (let i = 0; i < KEY_SPACE; i++) cdf[i] /= total;
  cdf[KEY_SPACE - 1] = 1; // guard against rounding so every draw finds a bucket
  return cdf;
});

// Key 1 is the hottest, then 2, ... : smallest k with CDF(k) >= u, by binary search.
/** @returns {number} */
export function zipfKey() {
  const u = Math.random();
  let lo = 0;
  let hi = KEY_SPACE - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (zipfCdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** @returns {number} */
export function nextKey() {
  return KEY_DIST === 'uniform' ? uniformKey() : zipfKey();
}

// ---------------------------------------------------------------- requests

/**
 * @param {Params | undefined} params
 * @param {string} name the `name` tag (one route, not one URL per key)
 * @returns {Params}
 */
function withTag(params, name) {
  /** @type {Params} */
  const merged = Object.assign({}, params || {});
  merged.tags = Object.assign({ name: name }, merged.tags || {});
  return merged;
}

/**
 * The response body as JSON, or null when it is not JSON.
 * @param {Response} res
 * @returns {import('k6').JSONValue}
 */
export function parseJson(res) {
  try {
    return res.json();
  } catch (e) {
    return null;
  }
}

// GET /data/{key} for a key that must exist, with the standard checks.
/**
 * @param {number} key
 * @param {Params} [params]
 */
export function getItem(key, params) {
  const res = http.get(dataUrl(key), withTag(params, GET_TAG));
  const body = /** @type {Item | null} */ (parseJson(res));
  check(res, {
    'GET status is 200': (r) => r.status === 200,
    'GET body.key equals key': () => body !== null && body.key === key,
    'GET body.value is a string': () => body !== null && typeof body.value === 'string',
    'GET X-Cache is HIT|MISS|COALESCED|BYPASS': (r) => ['HIT', 'MISS', 'COALESCED', 'BYPASS'].indexOf(r.headers['X-Cache']) !== -1,
  });
  return res;
}

// PUT /data/{key}. Only call when WRITES_ENABLED.
/**
 * @param {number} key
 * @param {string} value
 * @param {Params} [params]
 */
export function putItem(key, value, params) {
  const p = withTag(params, PUT_TAG);
  p.headers = Object.assign({ 'Content-Type': 'application/json', 'X-Api-Key': API_KEY }, p.headers || {});
  const res = http.put(dataUrl(key), JSON.stringify({ value: value }), p);
  check(res, {
    'PUT status is 200|201': (r) => r.status === 200 || r.status === 201,
  });
  return res;
}

// One step of the mixed workload: WRITE_RATIO of requests are PUTs when an API key is set.
// The PUT writes the seeded value back, so reads keep seeing "value-N" and runs stay repeatable.
/** @param {number} key */
export function readOrWrite(key) {
  if (WRITES_ENABLED && Math.random() < WRITE_RATIO) {
    return putItem(key, `value-${key}`);
  }
  return getItem(key);
}

// Think time in seconds, uniform in [THINK_MIN, THINK_MAX]; set both to 0 for a closed loop.
/**
 * @param {number} defaultMin seconds, unless THINK_MIN is set
 * @param {number} defaultMax seconds, unless THINK_MAX is set
 */
export function thinkTime(defaultMin, defaultMax) {
  const min = envNumber('THINK_MIN', defaultMin);
  const max = Math.max(min, envNumber('THINK_MAX', defaultMax));
  const t = min + Math.random() * (max - min);
  if (t > 0) sleep(t);
}

// ---------------------------------------------------------------- end-of-test summary

/**
 * The part of k6's end-of-test summary data (the argument of handleSummary) that these scripts read.
 * @typedef {{ metrics: { [metric: string]: SummaryMetric } }} SummaryData
 * @typedef {{ values?: { [stat: string]: number }, thresholds?: { [expression: string]: { ok: boolean } } }} SummaryMetric
 */

/**
 * @param {SummaryData} data
 * @param {string} metric
 * @param {string} stat e.g. `count`, `rate`, `p(95)`
 * @returns {number | undefined}
 */
function metricValue(data, metric, stat) {
  const m = data.metrics[metric];
  return m && m.values && m.values[stat] !== undefined ? m.values[stat] : undefined;
}

/**
 * @param {number | undefined} n
 * @param {number} digits
 * @param {string} [suffix]
 */
function fmt(n, digits, suffix) {
  return n === undefined || !Number.isFinite(n) ? 'n/a' : `${n.toFixed(digits)}${suffix || ''}`;
}

/** @param {SummaryData} data */
function failedThresholds(data) {
  /** @type {string[]} */
  const failed = [];
  for (const name of Object.keys(data.metrics)) {
    const thresholds = data.metrics[name].thresholds || {};
    for (const expr of Object.keys(thresholds)) {
      if (!thresholds[expr].ok) failed.push(`${name}: ${expr}`);
    }
  }
  return failed;
}

// Returns a handleSummary(data) that saves the full JSON and prints a short text block.
/**
 * @param {string} name the script's name, for the text and the file name
 * @returns {(data: SummaryData) => { [output: string]: string }} `stdout` and the JSON file's path as keys
 */
export function summary(name) {
  return function handleSummary(data) {
    const file = `${SUMMARY_DIR}/${name}-summary.json`;
    const failedRate = metricValue(data, 'http_req_failed', 'rate');
    const checksRate = metricValue(data, 'checks', 'rate');
    const failed = failedThresholds(data);
    const lines = [
      '',
      `k6 ${name} — ${BASE_URL}`,
      `  requests ........ ${fmt(metricValue(data, 'http_reqs', 'count'), 0)}`,
      `  req/s ........... ${fmt(metricValue(data, 'http_reqs', 'rate'), 1)}`,
      `  failed rate ..... ${fmt(failedRate === undefined ? undefined : failedRate * 100, 2, '%')}`,
      `  checks passed ... ${fmt(checksRate === undefined ? undefined : checksRate * 100, 2, '%')}`,
      `  p95 ............. ${fmt(metricValue(data, 'http_req_duration', 'p(95)'), 2, ' ms')}`,
      `  p99 ............. ${fmt(metricValue(data, 'http_req_duration', 'p(99)'), 2, ' ms')}`,
      failed.length === 0 ? '  thresholds ...... all passed' : `  thresholds ...... FAILED: ${failed.join('; ')}`,
      `  summary JSON .... ${file}`,
      '',
    ];
    /** @type {{ [output: string]: string }} */
    const out = { stdout: lines.join('\n') };
    out[file] = JSON.stringify(data, null, 2);
    return out;
  };
}
