-- wrk's request for `POST /api/check` (bench/web.sh, bench/proxy.sh): one case, and a closing
-- RESULT line with the throughput, p50 and p99 latency, the failed requests and the non-2xx answers.
wrk.method = "POST"
wrk.body = '{"pending": "18.12.2026", "age": 78, "as_of": "23.11.2026"}'
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s %.0f p50 %.2f ms p99 %.2f ms errors %d non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.errors.status))
end
