import { createHash } from 'node:crypto';
import type { RedisScript } from './redis-idempotency-scripts';

/**
 * The Redis opt-out store's Lua scripts. One hash per recipient (`<prefix><recipient>`), one field per
 * sender (`*` = every sender), the entry as JSON. Each operation is one script, so a lookup never sees
 * half of a change, and opt-outs of one recipient from several senders never overwrite each other.
 * There is no expiry: an opt-out stands until the recipient opts back in.
 */
function script(source: string): RedisScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/** KEYS[1] recipient hash; ARGV: sender, entry JSON. */
export const OPT_OUT_ADD_SCRIPT = script(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
`);

/** KEYS[1] recipient hash; ARGV: sender. Returns the number of records removed (0 or 1). */
export const OPT_OUT_REMOVE_SCRIPT = script(`
return redis.call('HDEL', KEYS[1], ARGV[1])
`);

/**
 * KEYS[1] recipient hash; ARGV: sender ('' when the send has none), the any-sender marker. With a
 * sender: its record, else the any-sender record. Without: the any-sender record, else any record.
 */
export const OPT_OUT_FIND_SCRIPT = script(`
if ARGV[1] ~= '' then
  local exact = redis.call('HGET', KEYS[1], ARGV[1])
  if exact then return exact end
  return redis.call('HGET', KEYS[1], ARGV[2])
end
local any = redis.call('HGET', KEYS[1], ARGV[2])
if any then return any end
local all = redis.call('HGETALL', KEYS[1])
return all[2]
`);
