-- wrk script: the reliability run. Reads spread uniformly over 1..KEY_SPACE (default 10000, ten times the
-- cache's capacity, so nearly every miss evicts) plus WRITE_SHARE (default 0.1) PUTs with the X-Api-Key
-- from WRITE_KEY. The values written are the seeded "value-N", so the data stays as seeded.

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

-- done(): the shared wrk-result line, loaded from beside this script.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "wrk-result.lua")
