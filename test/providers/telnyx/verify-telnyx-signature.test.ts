import Telnyx from 'telnyx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../src/errors/validation-error';
import { signTelnyxRequest } from '../../../src/providers/telnyx/sign-telnyx-request';
import { importEd25519PublicKey, verifyEd25519 } from '../../../src/providers/telnyx/ed25519';
import { decodeStrictBase64 } from '../../../src/providers/telnyx/strict-base64';
import { verifyTelnyxSignature } from '../../../src/providers/telnyx/verify-telnyx-signature';
import { randomText, seededRandom } from '../../webhooks/support/seeded-random';

const hex = (value: string) => Buffer.from(value, 'hex');
/** RFC 8032 §7.1 TEST 1: the seed and its public key. */
const RFC_SEED = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60').toString('base64');
const RFC_PUBLIC_KEY = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a').toString('base64');
const TIMESTAMP = 1_767_225_600; // 2026-01-01T00:00:00Z
const clock = { now: () => TIMESTAMP * 1000 };
const BODY = '{"data":{"event_type":"message.finalized","id":"kat"}}';
/** Our known answer for RFC_SEED, TIMESTAMP and BODY, checked below against the Telnyx SDK's own verifier. */
const KAT_SIGNATURE = 'N1ZxS1xgQ1sGhTL4f+qxJn3Xunrmb8bpXws5RZTin5V4baww/YUtgXrLaYQksPUqwDaWnalsFeN3kgxTd9oICg==';

const verify = (overrides: Partial<Parameters<typeof verifyTelnyxSignature>[0]> = {}) =>
  verifyTelnyxSignature({ rawBody: BODY, signature: KAT_SIGNATURE, timestamp: String(TIMESTAMP), publicKeys: RFC_PUBLIC_KEY, clock, ...overrides });

/** The Telnyx SDK's Ed25519 verifier (telnyx-node src/lib/webhooks.ts, WebCrypto), at a given time. */
async function sdkAccepts(body: string, headers: Record<string, string>, publicKey: string, atSeconds: number): Promise<boolean> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(atSeconds * 1000);
  try {
    await new Telnyx({ apiKey: 'KEY_test', publicKey }).webhooks.unwrap(body, { headers });
    return true;
  } catch {
    return false;
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe('Ed25519 primitive: RFC 8032 §7.1 test vectors', () => {
  it.each([
    ['TEST 1 (empty message)', RFC_PUBLIC_KEY, '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['TEST 2 (one byte)', hex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c').toString('base64'), '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
    ['TEST 3 (two bytes)', hex('fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025').toString('base64'), 'af82', '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'],
  ])('%s verifies, and fails with one bit flipped', (_name, publicKey, message, signature) => {
    const key = importEd25519PublicKey(Buffer.from(publicKey, 'base64'));
    expect(verifyEd25519(key, hex(message), hex(signature))).toBe(true);
    const flipped = hex(signature);
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(verifyEd25519(key, hex(message), flipped)).toBe(false);
  });

  it('signTelnyxRequest derives the RFC public key from the RFC seed', () => {
    expect(signTelnyxRequest({ body: '', privateKey: RFC_SEED, timestamp: 0 }).publicKey).toBe(RFC_PUBLIC_KEY);
  });
});

describe('verifyTelnyxSignature: known answers and the SDK', () => {
  it('signTelnyxRequest gives the known answer, which we and the Telnyx SDK accept', async () => {
    const signed = signTelnyxRequest({ body: BODY, privateKey: RFC_SEED, timestamp: TIMESTAMP });
    expect(signed).toEqual({
      signature: KAT_SIGNATURE,
      timestamp: String(TIMESTAMP),
      publicKey: RFC_PUBLIC_KEY,
      headers: { 'telnyx-signature-ed25519': KAT_SIGNATURE, 'telnyx-timestamp': String(TIMESTAMP) },
    });
    expect(verify()).toEqual({ valid: true, secretIndex: 0 });
    expect(await sdkAccepts(BODY, { ...signed.headers }, RFC_PUBLIC_KEY, TIMESTAMP)).toBe(true);
  });

  it('agrees with the Telnyx SDK on 60 random bodies, valid and tampered', async () => {
    const random = seededRandom(40_300);
    for (let round = 0; round < 60; round += 1) {
      const body = JSON.stringify({ data: { id: `e${round}`, text: randomText(random, 40) } });
      const signed = signTelnyxRequest({ body, privateKey: RFC_SEED, timestamp: TIMESTAMP + round });
      const tampered = round % 2 === 1 ? body.replace('"data"', '"dat\u0061 "') : body;
      const ours = verifyTelnyxSignature({ rawBody: tampered, signature: signed.signature, timestamp: signed.timestamp, publicKeys: RFC_PUBLIC_KEY, clock }).valid;
      expect(ours).toBe(round % 2 === 0);
      expect(await sdkAccepts(tampered, { ...signed.headers }, RFC_PUBLIC_KEY, TIMESTAMP)).toBe(ours);
    }
  });

  it('verifies the raw bytes: a body that is not valid UTF-8 only verifies as bytes', () => {
    const bytes = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const signed = signTelnyxRequest({ body: bytes, privateKey: RFC_SEED, timestamp: TIMESTAMP });
    expect(verify({ rawBody: bytes, signature: signed.signature }).valid).toBe(true);
    expect(verify({ rawBody: bytes.toString('utf8'), signature: signed.signature }).valid).toBe(false);
  });

  it('accepts any of several public keys and says which one matched', () => {
    const other = signTelnyxRequest({ body: '', privateKey: Buffer.alloc(32, 1).toString('base64'), timestamp: 0 }).publicKey;
    expect(verify({ publicKeys: [other, RFC_PUBLIC_KEY] })).toEqual({ valid: true, secretIndex: 1 });
    expect(verify({ publicKeys: [other] })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });
});

describe('verifyTelnyxSignature: the timestamp (±300 s, both directions)', () => {
  it.each([
    ['exactly 300 s old', TIMESTAMP + 300, true],
    ['exactly 300 s in the future', TIMESTAMP - 300, true],
    ['301 s old', TIMESTAMP + 301, false],
    ['301 s in the future', TIMESTAMP - 301, false],
    ['a day old', TIMESTAMP + 86_400, false],
  ])('a signature %s: accepted %s', (_name, nowSeconds, accepted) => {
    const verification = verify({ clock: { now: () => nowSeconds * 1000 } });
    expect(verification.valid).toBe(accepted);
    if (!verification.valid) {
      expect(verification.reason).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
      expect(verification.message).toMatch(nowSeconds > TIMESTAMP ? /s old/ : /in the future/);
    }
  });

  it('signs the timestamp: moving it by one second within the window breaks the signature', () => {
    expect(verify({ timestamp: String(TIMESTAMP + 1) })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('takes another tolerance, refuses 0 and negative ones, and turns the check off only when told', () => {
    const later = { now: () => (TIMESTAMP + 600) * 1000 };
    expect(verify({ clock: later, toleranceSeconds: 600 }).valid).toBe(true);
    expect(verify({ clock: later, toleranceSeconds: 599 }).valid).toBe(false);
    for (const toleranceSeconds of [0, -1, 1.5, Number.NaN]) expect(() => verify({ toleranceSeconds })).toThrow(ValidationError);
    expect(() => verify({ toleranceSeconds: 0 })).toThrow(/0 does not disable/);
    expect(verify({ clock: { now: () => 0 }, dangerouslyDisableTimestampCheck: true }).valid).toBe(true);
  });

  it.each(['', '1767225600.0', '-1767225600', ' 1767225600', '1767225600 ', '0x69', '17672256001234567', 'abc'])('refuses the malformed timestamp %j', (timestamp) => {
    expect(verify({ timestamp }).valid).toBe(false);
    expect(verify({ timestamp })).toMatchObject({ reason: timestamp === '' ? 'MISSING_TIMESTAMP' : 'MALFORMED_TIMESTAMP' });
  });
});

describe('verifyTelnyxSignature: the signature and the key', () => {
  const bytes = Buffer.from(KAT_SIGNATURE, 'base64');

  it.each([
    ['truncated by 4 characters', KAT_SIGNATURE.slice(0, -4)],
    ['truncated to 63 bytes', bytes.subarray(0, 63).toString('base64')],
    ['extended to 65 bytes', Buffer.concat([bytes, Buffer.from([0])]).toString('base64')],
    ['without padding', KAT_SIGNATURE.replace(/=+$/, '')],
    ['in the URL-safe alphabet', KAT_SIGNATURE.replaceAll('+', '-').replaceAll('/', '_')],
    ['with a line break', `${KAT_SIGNATURE.slice(0, 40)}\n${KAT_SIGNATURE.slice(40)}`],
    ['with non-zero padding bits', `${KAT_SIGNATURE.slice(0, -3)}${KAT_SIGNATURE.at(-3) === 'C' ? 'D' : 'C'}==`],
    ['hex instead of base64', bytes.toString('hex')],
  ])('refuses a signature %s as malformed', (_name, signature) => {
    expect(verify({ signature })).toMatchObject({ valid: false, reason: 'MALFORMED_SIGNATURE' });
  });

  it('refuses a well-formed signature over another body or by another key', () => {
    expect(verify({ rawBody: BODY.replace('kat', 'kit') })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(verify({ rawBody: `${BODY} ` })).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    const forged = signTelnyxRequest({ body: BODY, privateKey: Buffer.alloc(32, 9).toString('base64'), timestamp: TIMESTAMP });
    const verification = verify({ signature: forged.signature });
    expect(verification).toMatchObject({ valid: false, reason: 'SIGNATURE_MISMATCH' });
    expect(!verification.valid && verification.message).toMatch(/raw bytes/);
  });

  it.each([null, undefined, ''])('refuses a missing signature header (%s)', (signature) => {
    expect(verify({ signature })).toMatchObject({ valid: false, reason: 'MISSING_SIGNATURE' });
    expect(verify({ timestamp: signature })).toMatchObject({ valid: false, reason: 'MISSING_TIMESTAMP' });
  });

  it.each([undefined, '', []])('fails closed without a public key (%s)', (publicKeys) => {
    const verification = verify({ publicKeys: publicKeys as string[] | undefined });
    expect(verification).toMatchObject({ valid: false, reason: 'NO_SECRET_CONFIGURED' });
    expect(!verification.valid && verification.message).toMatch(/public key/);
  });

  it.each([
    ['31 bytes', Buffer.alloc(31, 1).toString('base64'), /31 bytes/],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64'), /33 bytes/],
    ['not base64', 'KEY0123456789abcdef', /not strict base64/],
    ['an API key', 'KEY01890A2B3C4D5E6F_abcdefghijklmnop', /not strict base64/],
  ])('throws for a public key of %s, naming where to find the right one', (_name, publicKeys, problem) => {
    expect(() => verify({ publicKeys })).toThrow(ValidationError);
    expect(() => verify({ publicKeys })).toThrow(problem);
    expect(() => verify({ publicKeys })).toThrow(/Mission Control/);
  });
});

describe('decodeStrictBase64', () => {
  it('decodes canonical base64 and nothing else', () => {
    expect([...(decodeStrictBase64('AAE=') ?? [])]).toEqual([0, 1]);
    expect(decodeStrictBase64('AAF=')).toBeUndefined();
    expect(decodeStrictBase64('AAE')).toBeUndefined();
    expect(decodeStrictBase64('')).toBeUndefined();
    expect(decodeStrictBase64('A'.repeat(2048))).toBeUndefined();
  });
});
