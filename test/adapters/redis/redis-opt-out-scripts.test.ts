/**
 * The opt-out Lua scripts on a real Redis at 127.0.0.1:6379 (skipped with a printed reason outside CI
 * when it is unreachable).
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../../src/adapters/redis/redis-idempotency-client';
import { OPT_OUT_ADD_SCRIPT, OPT_OUT_FIND_SCRIPT, OPT_OUT_REMOVE_SCRIPT } from '../../../src/adapters/redis/redis-opt-out-scripts';
import { createIdempotencyClient, deleteKeys, redisIsReachable, uniquePrefix, untilReady } from '../../support/services/redis-idempotency-support';

const reachable = await redisIsReachable();
const prefix = `opt-out-scripts-${uniquePrefix()}`;
let client: Redis | undefined;
let keys = 0;
const ANY = '*';

async function redis(): Promise<Redis> {
  client ??= createIdempotencyClient();
  await untilReady(client);
  return client;
}

const key = (): string => `${prefix}${++keys}`;

afterAll(async () => {
  if (client === undefined) return;
  await deleteKeys(client, prefix);
  client.disconnect();
});

describe('Redis opt-out scripts', () => {
  it('names each script by the SHA1 of its source', () => {
    for (const script of [OPT_OUT_ADD_SCRIPT, OPT_OUT_REMOVE_SCRIPT, OPT_OUT_FIND_SCRIPT]) {
      expect(script.sha1).toBe(createHash('sha1').update(script.source).digest('hex'));
    }
  });
});

describe.skipIf(!reachable)('Redis opt-out scripts on a real Redis', () => {
  it('ADD keeps one field per sender, with no expiry, and REMOVE counts what it removed', async () => {
    const r = await redis();
    const k = key();
    expect(await runScript(r, OPT_OUT_ADD_SCRIPT, k, '+14155550199', '{"a":1}')).toBe(1);
    expect(await runScript(r, OPT_OUT_ADD_SCRIPT, k, 'Ocelot', '{"b":1}')).toBe(1);
    expect(await r.hgetall(k)).toEqual({ '+14155550199': '{"a":1}', Ocelot: '{"b":1}' });
    expect(await r.pttl(k)).toBe(-1);
    expect(await runScript(r, OPT_OUT_REMOVE_SCRIPT, k, 'Ocelot')).toBe(1);
    expect(await runScript(r, OPT_OUT_REMOVE_SCRIPT, k, 'Ocelot')).toBe(0);
    expect(await r.hkeys(k)).toEqual(['+14155550199']);
  });

  it('FIND with a sender returns its record, else the any-sender record, else nothing', async () => {
    const r = await redis();
    const k = key();
    await runScript(r, OPT_OUT_ADD_SCRIPT, k, 'Ocelot', '{"sender":"Ocelot"}');
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, 'Ocelot', ANY)).toBe('{"sender":"Ocelot"}');
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, '+14155550199', ANY)).toBeNull();
    await runScript(r, OPT_OUT_ADD_SCRIPT, k, ANY, '{"sender":"*"}');
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, '+14155550199', ANY)).toBe('{"sender":"*"}');
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, 'Ocelot', ANY)).toBe('{"sender":"Ocelot"}');
  });

  it('FIND without a sender returns the any-sender record, else any record, else nothing', async () => {
    const r = await redis();
    const k = key();
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, '', ANY)).toBeNull();
    await runScript(r, OPT_OUT_ADD_SCRIPT, k, 'Ocelot', '{"sender":"Ocelot"}');
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, '', ANY)).toBe('{"sender":"Ocelot"}');
    await runScript(r, OPT_OUT_ADD_SCRIPT, k, ANY, '{"sender":"*"}');
    expect(await runScript(r, OPT_OUT_FIND_SCRIPT, k, '', ANY)).toBe('{"sender":"*"}');
  });
});
