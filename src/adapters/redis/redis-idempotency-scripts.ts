import { createHash } from 'node:crypto';

/**
 * The Redis idempotency store's Lua scripts. Each runs atomically on the server, so two processes
 * claiming one key cannot both win (docs/reliability.md#idempotency-model: `SET NX` or a script). A record is a
 * hash: `state` (`in-flight` | `completed`), `token`, `fingerprint`, `expiresAt` (epoch ms on the
 * caller's clock, so a lease or a retention ends at the same instant for every store), `outcome`
 * (JSON, once completed). `PEXPIRE` only garbage-collects; liveness is decided by `expiresAt`.
 */
export interface RedisScript {
  readonly source: string;
  readonly sha1: string;
}

function script(source: string): RedisScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/**
 * KEYS[1] record; ARGV: now, token, fingerprint, expiresAt, leaseMs.
 * Returns `{'claimed'}`, or `{state, fingerprint, expiresAt, outcome}` of the live record. A live
 * in-flight record of the same token is claimed again (a command resent after a reconnect).
 */
export const CLAIM_SCRIPT = script(`
local record = redis.call('HMGET', KEYS[1], 'state', 'token', 'fingerprint', 'expiresAt', 'outcome')
if record[1] and tonumber(record[4]) > tonumber(ARGV[1]) then
  if record[1] == 'in-flight' and record[2] == ARGV[2] then
    return {'claimed'}
  end
  return {record[1], record[3], record[4], record[5] or ''}
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', 'in-flight', 'token', ARGV[2], 'fingerprint', ARGV[3], 'expiresAt', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return {'claimed'}
`);

/**
 * KEYS[1] record; ARGV: now, token, fingerprint, outcome, expiresAt, retentionMs.
 * Returns 0 when another token owns a live record, else stores the outcome and returns 1.
 */
export const COMPLETE_SCRIPT = script(`
local record = redis.call('HMGET', KEYS[1], 'token', 'expiresAt')
if record[1] and record[1] ~= ARGV[2] and tonumber(record[2]) > tonumber(ARGV[1]) then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', 'completed', 'token', ARGV[2], 'fingerprint', ARGV[3], 'expiresAt', ARGV[5], 'outcome', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1
`);

/** KEYS[1] record; ARGV: token. Deletes the record only if that token holds it in flight. */
export const RELEASE_SCRIPT = script(`
local record = redis.call('HMGET', KEYS[1], 'state', 'token')
if record[1] == 'in-flight' and record[2] == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 1
`);

/**
 * KEYS[1] record; ARGV: now, takeOverLease ('1' | '0'), fingerprint, outcome ('' deletes), expiresAt,
 * retentionMs, token. Returns 0 when a live in-flight lease holds the key and may not be taken over, else
 * writes the settled outcome (keeping a live record's fingerprint) or deletes the record, and returns 1.
 */
export const SETTLE_SCRIPT = script(`
local record = redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'expiresAt')
local live = record[1] and tonumber(record[3]) > tonumber(ARGV[1])
if live and record[1] == 'in-flight' and ARGV[2] ~= '1' then
  return 0
end
local fingerprint = ARGV[3]
if live then fingerprint = record[2] end
redis.call('DEL', KEYS[1])
if ARGV[4] == '' then
  return 1
end
redis.call('HSET', KEYS[1], 'state', 'completed', 'token', ARGV[7], 'fingerprint', fingerprint, 'expiresAt', ARGV[5], 'outcome', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1
`);
