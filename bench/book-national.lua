-- wrk script: POST /api/v1/bookings spread over the national network, as its traffic would be: consecutive requests
-- go to different desk pools, and every request is a different (pool, member, day, half-day), so that none waits on
-- another's rows. Pools, weekdays and tokens come from the file named by BENCH_CONFIG (written by national.sh).
local config = dofile(os.getenv("BENCH_CONFIG"))
local next_id = 0
local periods = { "morning", "afternoon" }
local pools, users, days = #config.pools, #config.tokens, #config.weekdays
-- each round in the same database (BENCH_ROUND=2, 3…) starts 50,000 combinations further: still free; a later
-- measurement of the same database sets BENCH_SHIFT (e.g. 25000) to use the untouched part of each round's range
local offset = (tonumber(os.getenv("BENCH_ROUND") or "1") - 1) * 50000 + tonumber(os.getenv("BENCH_SHIFT") or "0")

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  n = 0
end

function request()
  local combo = id * 1000003 + n + offset
  n = n + 1
  local pool = config.pools[(combo % pools) + 1]
  local rest = math.floor(combo / pools)
  local user = (rest % users) + 1
  rest = math.floor(rest / users)
  local day = config.weekdays[(rest % days) + 1]
  local period = periods[(math.floor(rest / days) % 2) + 1]
  local body = string.format('{"resourceId":%d,"date":"%s","period":"%s"}', pool, day, period)
  return wrk.format("POST", "/api/v1/bookings", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. config.tokens[user],
  }, body)
end
