-- track a signIn action for a random loaded user.
request = function()
  return wrk.format("POST", "/v1/users/" .. random_user() .. "/actions/signIn",
    nil, '{"ipAddress":"203.0.113.7","userAgent":"bench","deviceId":"bench-device"}')
end
