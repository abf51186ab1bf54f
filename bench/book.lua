-- wrk script: POST /api/v1/bookings, each request a different (member, day, half-day) so that the
-- bookings succeed; tokens and ids come from the file named by BENCH_CONFIG (written by run.sh).
local config = dofile(os.getenv("BENCH_CONFIG"))
local threads = {}
local next_id = 0
-- a second round in the same database (BENCH_ROUND=2) takes the other half of the slots, still free
local offset = (tonumber(os.getenv("BENCH_ROUND") or "1") - 1) * #config.tokens * #config.dates

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
end

local periods = { "morning", "afternoon" }

function request()
  -- spread: thread id selects a slice of members, n walks through days and halves
  local users = #config.tokens
  local combo = id * 1000003 + n + offset
  n = n + 1
  local user = (combo % users) + 1
  local rest = math.floor(combo / users)
  local day = config.dates[(rest % #config.dates) + 1]
  local period = periods[(math.floor(rest / #config.dates) % 2) + 1]
  local body = string.format('{"resourceId":%d,"date":"%s","period":"%s"}', config.resource, day, period)
  return wrk.format("POST", "/api/v1/bookings", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. config.tokens[user],
  }, body)
end
