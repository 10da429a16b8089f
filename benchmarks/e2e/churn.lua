-- wrk script: the reliability run. Reads spread uniformly over 1..KEY_SPACE (default 10000, ten times the
-- cache's capacity, so nearly every miss evicts) plus WRITE_SHARE (default 0.1) PUTs with the X-Api-Key
-- from WRITE_KEY. The values written are the seeded "value-N", so the data stays as seeded.
-- done() prints the same wrk-result line as hot-keys.lua.

local key_space = tonumber(os.getenv("KEY_SPACE") or "10000")
local write_share = tonumber(os.getenv("WRITE_SHARE") or "0.1")
local write_key = os.getenv("WRITE_KEY") or ""

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  local key = math.random(key_space)
  if math.random() < write_share then
    return wrk.format("PUT", "/data/" .. key,
      { ["Content-Type"] = "application/json", ["X-Api-Key"] = write_key },
      '{"value":"value-' .. key .. '"}')
  end
  return wrk.format("GET", "/data/" .. key)
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
