-- wrk script for the benchmarks under src/bench: sends the request targets listed in the file
-- named by the environment variable TARGETS, one per line, in turn (each connection starting at
-- a different one), asks for SPARQL JSON results, and prints one machine-readable line at the end.
local targets = {}
local next_target = 0

function init(args)
  for line in io.lines(os.getenv("TARGETS")) do
    targets[#targets + 1] = line
  end
  next_target = math.random(#targets)
end

function request()
  next_target = next_target % #targets + 1
  return wrk.format("GET", targets[next_target], { ["Accept"] = "application/sparql-results+json" })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f errors=%d non2xx=%d p50=%.2f p99=%.2f\n",
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
