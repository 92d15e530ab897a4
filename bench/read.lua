-- wrk script: read traffic (set list, one set, codes page) for the soak run.
local set_id, api_key
local n = 0
function init(args) set_id = args[1]; api_key = args[2] end
function request()
  n = n + 1
  local paths = { "/api/v1/coupon-sets?limit=20", "/api/v1/coupon-sets/" .. set_id,
                  "/api/v1/coupon-sets/" .. set_id .. "/codes?status=assigned&limit=50" }
  return wrk.format("GET", paths[(n % 3) + 1], { ["Authorization"] = "apiKey " .. api_key })
end
