-- enrollVerifiedAuthenticator (EMAIL_OTP) for a new user each time.
request = function()
  local id = next_id()
  return wrk.format("POST", "/v1/users/" .. id .. "/authenticators",
    nil, '{"verificationMethod":"EMAIL_OTP","email":"' .. id .. '@bench.example.com"}')
end
