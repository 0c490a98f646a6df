-- wrk script: POST /api/v1/tickets with a unique Idempotency-Key and a valid, distinct body per
-- request; counts 201s against every other status and prints them in done().
--
--   wrk -t2 -c32 -d15s --latency -s bench/wrk/tickets.lua http://127.0.0.1:PORT \
--       -- <run-id> <start-epoch-seconds> <duration-s> <quiet-tail-s>
--
-- Why a quiet tail: wrk stops at -d by dropping whatever is in flight, and a ticket the server
-- committed just before the drop has no 201 on wrk's side, so "stored == 201s" would fail by up
-- to one request per connection for no fault of the server. So from <start> + <duration> -
-- <quiet-tail> on (rounded up to a whole second, os.time() has second resolution), `delay()`
-- holds every connection back until after wrk's end: no new request is sent, the ones in flight
-- are answered, and the store's count can be compared exactly. The request rate is therefore
-- computed over the send phase (`send_phase_s` below), not over wrk's whole duration; wrk's own
-- latency histogram only holds POSTs (idle connections record nothing).
--
-- done() prints one machine-readable line (parsed by bench/wrk.sh):
--   tickets-result created=N other=N sent=N answered=N in_flight=N send_phase_s=S statuses=201:N,422:N
-- `in_flight` (sent but never answered) must be 0 for the count check to be exact. wrk calls
-- request() once more than it sends, on the first thread, to check the script
-- (script_verify_request); `sent` does not count that call.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local run, switch_at, n = "run", math.huge, 0

function init(args)
  run = args[1] or tostring(os.time())
  local start = tonumber(args[2] or os.time())
  local duration = tonumber(args[3] or 15)
  local tail = tonumber(args[4] or 2)
  switch_at = math.ceil(start + duration - tail)
  send_phase_s = switch_at - start
  created, other, sent, answered = 0, 0, 0, 0
  statuses = {}
end

function delay()
  local now = os.time()
  if now < switch_at then
    return 0
  end
  -- Past the send phase: hold the connection until well after wrk has stopped.
  return 60000
end

local body_fmt = '{"name":"Bench User %d","email":"bench-%s-%d-%d@example.com","category":"jobs",'
  .. '"subject":"Job stuck in queue (%s-%d-%d)",'
  .. '"description":"My job has been queued for over an hour although the dashboard shows free '
  .. 'GPU capacity in my region. I already cancelled and resubmitted it once.",'
  .. '"fields":{"job_id":"job_%d%d","gpu":true},'
  .. '"context":{"route":"/jobs/%d","context":{"plan":"pro"},"locale":"en",'
  .. '"widgetVersion":"0.1.0","userAgent":"wrk"},"website":"","fillMs":5400}'

function request()
  n = n + 1
  sent = sent + 1
  local key = string.format("%s-%d-%d", run, tid, n)
  local body = string.format(body_fmt, n, run, tid, n, run, tid, n, tid, n, n)
  return wrk.format("POST", "/api/v1/tickets", {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key,
  }, body)
end

function response(status, headers, body)
  answered = answered + 1
  if status == 201 then
    created = created + 1
  else
    other = other + 1
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local c, o, s, a, phase = 0, 0, 0, 0, 0
  local by_status = {}
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    s = s + t:get("sent")
    a = a + t:get("answered")
    phase = math.max(phase, t:get("send_phase_s"))
    for k, v in pairs(t:get("statuses")) do
      by_status[k] = (by_status[k] or 0) + v
    end
  end
  local keys = {}
  for k in pairs(by_status) do table.insert(keys, k) end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do table.insert(parts, k .. ":" .. by_status[k]) end
  io.write(string.format("201 Created: %d, other statuses: %d (%s); sent %d, answered %d\n",
    c, o, table.concat(parts, ", "), s - 1, a))
  io.write(string.format(
    "tickets-result created=%d other=%d sent=%d answered=%d in_flight=%d send_phase_s=%.3f statuses=%s socket_errors=%d\n",
    c, o, s - 1, a, s - 1 - a, phase, table.concat(parts, ","),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
