-- wrk script: send the bearer token from $LYCEUM_BENCH_TOKEN on every request.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LYCEUM_BENCH_TOKEN")
