-- wrk script: pace each connection to one request per $LYCEUM_BENCH_DELAY_MS milliseconds, so a run
-- holds a chosen request rate (wrk itself has no rate option). Optional bearer token (AUTH=1) or browser
-- session cookie (AUTH=2), and HTML Accept.
local delay_ms = tonumber(os.getenv("LYCEUM_BENCH_DELAY_MS") or "0")
local token = os.getenv("LYCEUM_BENCH_TOKEN")
if token and os.getenv("LYCEUM_BENCH_AUTH") == "1" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
local cookie = os.getenv("LYCEUM_BENCH_COOKIE")
if cookie and os.getenv("LYCEUM_BENCH_AUTH") == "2" then
  wrk.headers["Cookie"] = cookie
end
if os.getenv("LYCEUM_BENCH_HTML") == "1" then
  wrk.headers["Accept"] = "text/html"
end

function delay()
  return delay_ms
end
