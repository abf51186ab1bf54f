-- wrk script: everyone asks for the same desk pool, day and half-day (one contended slot): at most the pool's
-- capacity may succeed, the rest get 409. Tokens and the slot come from BENCH_CONFIG (written by national.sh).
local config = dofile(os.getenv("BENCH_CONFIG"))
local n = 0

function request()
  n = n + 1
  local token = config.tokens[(n % #config.tokens) + 1]
  local body = string.format('{"resourceId":%d,"date":"%s","period":"morning"}', config.contended_resource, config.contended_date)
  return wrk.format("POST", "/api/v1/bookings", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
