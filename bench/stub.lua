-- wrk script for bench/wrk-stub.sh: cycles through pre-signed requests and counts wrong verdicts.
-- The requests file (made by wrk-stub.sh, signed with OpenSSL) is a Lua chunk returning
-- { {method=, path=, headers={...}, body=}, ... }. Arguments: <requests file> <expected status>.

local requests, expected, index = {}, 200, 0
-- globals, so that done() can read them from each thread with thread:get
wrong, counted = 0, 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local source = dofile(args[1])
  expected = tonumber(args[2])
  for i, r in ipairs(source) do
    requests[i] = wrk.format(r.method, r.path, r.headers, r.body)
  end
  index = math.random(#requests) - 1
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function response(status, headers, body)
  counted = counted + 1
  if status ~= expected then
    wrong = wrong + 1
  end
end

function done(summary, latency, _)
  local wrongs, answers = 0, 0
  for _, thread in ipairs(threads) do
    wrongs = wrongs + thread:get("wrong")
    answers = answers + thread:get("counted")
  end
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f wrong=%d answers=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, wrongs, answers,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
