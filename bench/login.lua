-- wrk script: POST /api/v1/auth/login with the bench members' e-mail and password, one member after the other.
local config = dofile(os.getenv("BENCH_CONFIG"))
local n = 0

function request()
  n = n + 1
  local body = string.format('{"email":"bench-%d@cotravail.test","password":"%s"}', n % #config.tokens, config.password)
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" }, body)
end
