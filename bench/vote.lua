-- wrk script: many users voting on one post at once. Each request takes the next bearer token from
-- $LYCEUM_BENCH_TOKENS_FILE (one per line) and votes +1 or -1 at random, so votes are cast, flipped and
-- withdrawn concurrently; bench/run then checks the stored score equals the sum of the stored votes.
local tokens = {}
local next_token = 0

function init(args)
  for line in io.lines(os.getenv("LYCEUM_BENCH_TOKENS_FILE")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  next_token = next_token % #tokens + 1
  local value = math.random(2) == 1 and 1 or -1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. tokens[next_token],
    ["Content-Type"] = "application/json",
  }, '{"value":' .. value .. '}')
end
