-- wrk script: POST an assignment for a new contact each request.
-- Usage: wrk ... -s bench/assign.lua <url> -- <couponSetId> <apiKey>
-- Every thread gets its own tag (run start time and thread number), so no two requests of any run
-- name the same contact: a Lua state's math.random is not seeded, every thread would draw the same.
local counter = 0
local set_id, api_key
local threads = 0
local started = tostring(os.time())

function setup(thread)
  threads = threads + 1
  thread:set("tag", started .. "-" .. threads)
end

function init(args)
  set_id = args[1]
  api_key = args[2]
end

function request()
  counter = counter + 1
  local body = '{"contactId":"bench-' .. tag .. '-' .. counter .. '"}'
  return wrk.format("POST", "/api/v1/coupon-sets/" .. set_id .. "/assignments",
    { ["Content-Type"] = "application/json", ["Authorization"] = "apiKey " .. api_key }, body)
end
