import type * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../src/hashing/sha256';

const inputs = ['', 'abc', 'sms.send/v1 +14155552671 Hello 👋', 'x'.repeat(10_000)];

describe('sha256', () => {
  afterEach(() => {
    vi.doUnmock('node:crypto');
    vi.resetModules();
  });

  it('is SHA-256 of the UTF-8 string, in hex and base64url', () => {
    expect(sha256('abc', 'hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const input of inputs) {
      expect(sha256(input, 'hex')).toBe(createHash('sha256').update(input).digest('hex'));
      expect(sha256(input, 'base64url')).toBe(createHash('sha256').update(input).digest('base64url'));
    }
  });

  it('gives the same digests through createHash on a Node without crypto.hash (before 20.12)', async () => {
    vi.doMock('node:crypto', async (importOriginal) => ({ ...(await importOriginal<typeof nodeCrypto>()), hash: undefined }));
    vi.resetModules();
    expect((await import('node:crypto')).hash).toBeUndefined();
    const { sha256: fallback } = await import('../../src/hashing/sha256');
    expect(fallback).not.toBe(sha256);
    for (const input of inputs) {
      expect(fallback(input, 'hex')).toBe(sha256(input, 'hex'));
      expect(fallback(input, 'base64url')).toBe(sha256(input, 'base64url'));
    }
  });
});
