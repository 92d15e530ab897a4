-- wrk script: POST /api/v1/events for a new contact each request; each thread stops sending after its
-- share (wrk itself runs on until its duration: bench/workflow-bench.sh stops it once the events are in).
-- Usage: wrk -t<T> ... -s bench/event.lua <url> -- <eventType> <apiKey> <eventsPerThread> <contactPrefix>
local threads = {}
local counter = 0
local stopped = false
local responses = 0
local event_type, api_key, quota, prefix
local thread_tag = ""

function setup(thread)
  thread:set("tag", tostring(#threads))
  table.insert(threads, thread)
end

function init(args)
  event_type = args[1]
  api_key = args[2]
  quota = tonumber(args[3])
  prefix = args[4]
  thread_tag = tag
end

function request()
  counter = counter + 1
  local body = '{"contactId":"' .. prefix .. thread_tag .. '-' .. counter .. '","type":"' .. event_type .. '","properties":{}}'
  return wrk.format("POST", "/api/v1/events",
    { ["Content-Type"] = "application/json", ["Authorization"] = "apiKey " .. api_key }, body)
end

function response(status)
  responses = responses + 1
  if responses >= quota and not stopped then
    stopped = true
    wrk.thread:stop()
  end
end
