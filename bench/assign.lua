-- wrk script: POST an assignment for a new contact each request.
-- Usage: wrk ... -s bench/assign.lua <url> -- <couponSetId> <apiKey>
local counter = 0
local set_id, api_key
local thread_tag = tostring(math.random(1, 1e9))

function init(args)
  set_id = args[1]
  api_key = args[2]
end

function request()
  counter = counter + 1
  local body = '{"contactId":"bench-' .. thread_tag .. '-' .. counter .. '"}'
  return wrk.format("POST", "/api/v1/coupon-sets/" .. set_id .. "/assignments",
    { ["Content-Type"] = "application/json", ["Authorization"] = "apiKey " .. api_key }, body)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end
