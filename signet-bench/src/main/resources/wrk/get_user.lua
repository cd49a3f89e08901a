-- getUser of a random loaded user (SIGNET_BENCH_USER_PREFIX, default user-, numbered from 0).
local prefix = os.getenv("SIGNET_BENCH_USER_PREFIX") or "user-"
request = function()
  return wrk.format("GET", "/v1/users/" .. prefix .. string.sub(random_user(), 6))
end
