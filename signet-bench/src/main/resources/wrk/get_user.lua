-- getUser of a random loaded user.
request = function()
  return wrk.format("GET", "/v1/users/" .. random_user())
end
