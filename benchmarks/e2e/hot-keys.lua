-- wrk script: GET /data/{key} with keys drawn uniformly from a hot set 1..HOT_KEYS (environment, default
-- 1000 = the API's default cache capacity), so a warmed cache answers every request while each request still
-- names a different row. Requests are formatted once at start; -H headers (e.g. Cache-Control: no-cache)
-- are included because wrk.format uses wrk.headers.
--
-- done() prints one machine-readable line that run.sh parses:
--   wrk-result requests=N seconds=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. errors=E non2xx=X timeouts=T

local hot_keys = tonumber(os.getenv("HOT_KEYS") or "1000")
local requests = {}

function init(args)
  -- Each wrk thread has its own Lua state: seed differently so threads do not walk the same sequence.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  for key = 1, hot_keys do
    requests[key] = wrk.format(nil, "/data/" .. key)
  end
end

function request()
  return requests[math.random(hot_keys)]
end

function done(summary, latency, _)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d non2xx=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, e.timeout))
end
