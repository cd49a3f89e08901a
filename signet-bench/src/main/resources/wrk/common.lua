-- Shared by every scenario: Basic auth like the SDKs send it, a per-thread counter for unique ids,
-- and one JSON line at the end that the harness parses.
local key = os.getenv("SIGNET_BENCH_KEY")
local users = tonumber(os.getenv("SIGNET_BENCH_USERS") or "1000")
local auth = "Basic " .. (os.getenv("SIGNET_BENCH_AUTH") or "")

local threads = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + thread_id * 7919)
  wrk.headers["Authorization"] = auth
  wrk.headers["Content-Type"] = "application/json"
end

function next_id()
  counter = counter + 1
  return string.format("bench-%s-%d-%d", os.getenv("SIGNET_BENCH_RUN") or "run", thread_id, counter)
end

function random_user()
  return string.format("user-%d", math.random(0, users - 1))
end

errors_non2xx = 0
function response(status, headers, body)
  if status < 200 or status > 299 then
    errors_non2xx = errors_non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do
    non2xx = non2xx + (t:get("errors_non2xx") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
