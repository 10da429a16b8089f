-- wrk script: GET /data/{key} with keys drawn uniformly from a hot set 1..HOT_KEYS (environment, default
-- 1000 = the API's default cache capacity, so a warmed cache with global bounds answers every request while each
-- request still names a different row). Requests are formatted once at start; -H headers (e.g.
-- Cache-Control: no-cache) are included because wrk.format uses wrk.headers.

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

-- done(): the shared wrk-result line, loaded from beside this script.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-result.lua")
