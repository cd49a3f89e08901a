-- Baseline: the minimal hello-world endpoint on the same framework, JVM and flags.
request = function()
  return wrk.format("GET", "/hello")
end
