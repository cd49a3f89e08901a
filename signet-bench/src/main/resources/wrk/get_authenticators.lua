-- getAuthenticators of a random loaded user; every loaded user has three authenticators.
request = function()
  return wrk.format("GET", "/v1/users/" .. random_user() .. "/authenticators")
end
