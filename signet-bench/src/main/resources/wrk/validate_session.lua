-- validateSession of one access token: the call an app makes on every request it serves.
local body = '{"accessToken":"' .. (os.getenv("SIGNET_BENCH_ACCESS_TOKEN") or "") .. '"}'
request = function()
  return wrk.format("POST", "/v1/sessions/validate", nil, body)
end
