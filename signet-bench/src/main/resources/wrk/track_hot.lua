-- track on one hot user (SIGNET_BENCH_HOT_USER), whose rules read the history inputs.
local path = "/v1/users/" .. (os.getenv("SIGNET_BENCH_HOT_USER") or "hot") .. "/actions/hotSignIn"
request = function()
  return wrk.format("POST", path, nil, '{"ipAddress":"203.0.113.7","userAgent":"bench","deviceId":"bench-device"}')
end
