// k6 options shared by the scripts: the summary statistics, and the thresholds of the ramping scripts
// (load, stress, spike, soak), which differ only in their VU stages and response-time limits.

// p(99) is not in k6's default summaryTrendStats; without it the summary has no p99 value to print.
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];

/**
 * Options for a script that ramps VUs through `stages`: under 1 % failed requests and failed checks, and
 * http_req_duration p(95) and p(99) under the given limits.
 *
 * @param {import('k6/options').Stage[]} stages the VU ramp, e.g. `[{ duration: '10s', target: 200 }]`
 * @param {{ p95: number, p99: number }} limitsMs response-time limits in milliseconds
 * @returns {import('k6/options').Options}
 */
export function rampOptions(stages, limitsMs) {
  return {
    stages,
    summaryTrendStats: SUMMARY_TREND_STATS,
    thresholds: {
      http_req_failed: ['rate<0.01'],
      checks: ['rate>0.99'],
      http_req_duration: [`p(95)<${limitsMs.p95}`, `p(99)<${limitsMs.p99}`],
    },
  };
}
