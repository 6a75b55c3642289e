/**
 * The Lua behind `RedisRateLimiter`. Redis runs a script atomically: no other command runs between its
 * reads and its writes, in any process. That is what makes a charge over several windows exact.
 */

/**
 * One charge over every counter (KEYS) with ARGV = cost, limit, durationMs per counter. Reads each
 * counter; when every one has room it charges all, else none. Each counter follows rate-limiter-flexible's
 * fixed-window script (`SET key 0 EX … NX; INCRBY; PTTL; if ttl == -1 EXPIRE`, docs/quotas.md#sources) in
 * milliseconds, and its value stays the integer rate-limiter-flexible reads, so `RateLimiterRedis#get`
 * and `#delete` work on these keys. Replies { allowed, used1, ttl1, used2, ttl2, … } (ttl < 0: no window).
 */
export const CONSUME_SCRIPT = `
local count = #KEYS
local used = {}
local ttl = {}
local allowed = 1
for i = 1, count do
  used[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
  ttl[i] = redis.call('PTTL', KEYS[i])
  if used[i] + tonumber(ARGV[3 * i - 2]) > tonumber(ARGV[3 * i - 1]) then allowed = 0 end
end
if allowed == 1 then
  for i = 1, count do
    local duration = ARGV[3 * i]
    redis.call('SET', KEYS[i], 0, 'PX', duration, 'NX')
    used[i] = redis.call('INCRBY', KEYS[i], ARGV[3 * i - 2])
    ttl[i] = redis.call('PTTL', KEYS[i])
    if ttl[i] == -1 then
      redis.call('PEXPIRE', KEYS[i], duration)
      ttl[i] = tonumber(duration)
    end
  end
end
local reply = { allowed }
for i = 1, count do
  reply[2 * i] = used[i]
  reply[2 * i + 1] = ttl[i]
end
return reply
`;

/**
 * One sender slot (KEYS[1] holds the sender's next free time) with ARGV = intervalMs, maxWaitMs, on the
 * server's clock (TIME), so every instance agrees on it. Replies { 1, waitMs } after reserving, or
 * { 0, retryAfterMs } without reserving. Needs Redis 5 or later (effects replication after TIME).
 */
export const PACE_SCRIPT = `
local interval = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local wait = slot - now
if wait > maxWait then
  return { 0, wait - maxWait }
end
redis.call('SET', KEYS[1], string.format('%.0f', slot + interval), 'PX', string.format('%.0f', wait + interval))
return { 1, wait }
`;
