-- The learned rate of src/limiter/cubic.rs, kept in Redis for a fleet:
-- the same CUBIC token bucket, updated atomically on the server. A change
-- there is a change here.
--
-- KEYS[1]   the key's state (a hash; expires when unused)
-- ARGV[1]   "admit" or "throttled"
-- ARGV[2]   admit: the longest wait, in seconds; throttled: the stated
--           limit in requests a second, 0 for none
-- ARGV[3]   the service's counting window, in seconds
-- ARGV[4]   the share of a stated limit kept free
-- ARGV[5]   a configured rate, in requests a second, 0 for none
-- ARGV[6]   the state's time to live, in milliseconds
-- ARGV[7..11] MIN_RATE, BETA, SCALE, SMOOTH, MEASURE_SECONDS
-- ARGV[12]  optional: the time in seconds, used instead of the server's
--           clock (tests replay a trace with it against cubic.rs)
--
-- admit returns {0, wait in microseconds} for a slot taken, or
-- {1, wait in microseconds} when the slot is further than the longest wait
-- (nothing taken). throttled returns {0, 0}.
--
-- Time is the server's, so that every process reads one clock.

local key = KEYS[1]
local op = ARGV[1]
local arg = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local headroom = tonumber(ARGV[4])
local configured = tonumber(ARGV[5])
local ttl = tonumber(ARGV[6])
local MIN_RATE = tonumber(ARGV[7])
local BETA = tonumber(ARGV[8])
local SCALE = tonumber(ARGV[9])
local SMOOTH = tonumber(ARGV[10])
local MEASURE = tonumber(ARGV[11])

local now = tonumber(ARGV[12])
if not now then
  local clock = redis.call('TIME')
  -- Seconds since 2023-11-14, small enough for microseconds in a double.
  now = (tonumber(clock[1]) - 1700000000) + tonumber(clock[2]) / 1000000
end

local FIELDS = {'enabled', 'tokens', 'refilled_at', 'paused_until', 'rate', 'max_rate', 'throttled_at',
  'ceiling', 'measured_rate', 'measure_bucket', 'measure_count', 'first_send', 'sends'}
local stored = redis.call('HMGET', key, unpack(FIELDS))
local s = {}
for i, name in ipairs(FIELDS) do
  s[name] = tonumber(stored[i])
end
-- Absent fields: a fresh bucket. ceiling 0, and throttled_at or
-- paused_until absent, mean none.
s.enabled = s.enabled or 0
s.tokens = s.tokens or 1
s.refilled_at = s.refilled_at or now
s.rate = s.rate or 0
s.max_rate = s.max_rate or 0
s.ceiling = s.ceiling or 0
s.measured_rate = s.measured_rate or 0
s.measure_count = s.measure_count or 0
s.sends = s.sends or 0

if configured > 0 and s.enabled == 0 then
  -- A configured rate limits from the start and caps the learned one.
  s.enabled = 1
  s.max_rate = configured
  s.throttled_at = now - 1000000
end
if configured > 0 and (s.ceiling == 0 or configured < s.ceiling) then
  s.ceiling = configured
end

local function rate_at(t)
  local since = 0
  if s.throttled_at then since = math.max(t - s.throttled_at, 0) end
  local k = (s.max_rate * (1 - BETA) / SCALE) ^ (1 / 3)
  local rate = SCALE * (since - k) ^ 3 + s.max_rate
  if s.measured_rate > 0 then rate = math.min(rate, 2 * s.measured_rate) end
  if s.ceiling > 0 then rate = math.min(rate, s.ceiling) end
  return math.max(rate, MIN_RATE)
end

local function refill(t)
  s.rate = rate_at(t)
  local earning_since = s.refilled_at
  if s.paused_until and s.paused_until > earning_since then earning_since = s.paused_until end
  if t > earning_since then
    s.tokens = math.min(s.tokens + (t - earning_since) * s.rate, 1)
  end
  s.refilled_at = math.max(s.refilled_at, t)
end

local function count_send(t)
  s.sends = s.sends + 1
  if not s.first_send then s.first_send = t end
  local bucket = math.floor(t / MEASURE) * MEASURE
  if not s.measure_bucket then s.measure_bucket = bucket end
  s.measure_count = s.measure_count + 1
  if bucket > s.measure_bucket then
    local current = s.measure_count / (bucket - s.measure_bucket)
    s.measured_rate = current * SMOOTH + s.measured_rate * (1 - SMOOTH)
    s.measure_count = 0
    s.measure_bucket = bucket
  end
end

local function send_rate(t)
  if s.measured_rate > 0 then return s.measured_rate end
  if s.first_send and s.sends >= 2 then
    return s.sends / math.max(t - s.first_send, 0.05)
  end
  return 0
end

local function save()
  local args = {}
  for _, name in ipairs(FIELDS) do
    if s[name] then
      table.insert(args, name)
      -- %.17g: no digit lost, as Redis' own conversion would.
      table.insert(args, string.format('%.17g', s[name]))
    end
  end
  redis.call('HSET', key, unpack(args))
  redis.call('PEXPIRE', key, ttl)
end

local reply = {0, 0}
if op == 'admit' then
  local max_wait = arg
  if s.enabled == 0 then
    count_send(now)
  else
    refill(now)
    local wait = 0
    if s.paused_until then wait = math.max(s.paused_until - now, 0) end
    if s.tokens < 1 then wait = wait + (1 - s.tokens) / s.rate end
    if wait > max_wait + 1e-9 then
      -- Nothing taken, but the refill is kept, as cubic.rs keeps it: the
      -- tokens earned so far at the rate of now, not at a later rate.
      save()
      return {1, math.ceil(wait * 1000000)}
    end
    s.tokens = s.tokens - 1
    count_send(now)
    reply = {0, math.ceil(wait * 1000000)}
  end
elseif op == 'throttled' then
  local stated = arg
  if stated > 0 then
    s.ceiling = math.max(stated * (1 - headroom), MIN_RATE)
    if configured > 0 then s.ceiling = math.min(s.ceiling, configured) end
  end
  if s.enabled == 1 and s.throttled_at and now - s.throttled_at < window then
    save()
    return reply
  end
  local sent = send_rate(now)
  if sent <= 0 then
    if s.ceiling > 0 then sent = s.ceiling else sent = MIN_RATE end
  end
  if s.enabled == 1 then sent = math.min(sent, rate_at(now)) end
  refill(now)
  s.max_rate = math.max(sent, MIN_RATE)
  s.throttled_at = now
  s.enabled = 1
  s.rate = rate_at(now)
  s.paused_until = now + window
else
  return redis.error_reply('unknown operation ' .. tostring(op))
end
save()
return reply
