-- wrk script: GET a site's availability with a different (from, to) on every request, so that none is served from the
-- 2-second output cache (ADR 0006, 0019): what the database path costs. The site id comes from AVAILABILITY_SITE.
local site = os.getenv("AVAILABILITY_SITE")
local first = os.time() + 2 * 86400
local n = 0

function request()
  n = n + 1
  -- 21,000 different questions: at a few thousand requests a second, none comes back within the cache's 2 seconds
  local from = first + (n % 3000) * 86400
  local span = math.floor(n / 3000) % 7
  local path = string.format("/api/v1/sites/%s/availability?from=%s&to=%s", site,
    os.date("!%Y-%m-%d", from), os.date("!%Y-%m-%d", from + (6 - span) * 86400))
  return wrk.format("GET", path)
end
