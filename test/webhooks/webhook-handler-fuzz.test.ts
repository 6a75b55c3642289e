/**
 * 10 000+ random and mutated requests through the handler. Two properties, whatever arrives:
 * - never a crash or a 5xx (the stores here never fail, so a 5xx could only come from bad input);
 * - never an accepted forgery: a 2xx only for a request whose signed content is authentic, judged by an
 *   independent oracle (twilio-node's `validateRequest` for Twilio; for Telnyx, the exact timestamp and
 *   body bytes that were signed).
 * Plus liveness: every unmodified, well-formed signed request is accepted. Seeded: a failure prints its
 * seed and case number and replays.
 */
import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { signTelnyxRequest } from '../../src/providers/telnyx/sign-telnyx-request';
import { signTwilioRequest } from '../../src/providers/twilio/sign-twilio-request';
import { pick, randomText, seededRandom } from './support/seeded-random';
import { ENDPOINT, formBody, NOW_SECONDS, OURS, RECIPIENT, setupWebhooks, TELNYX_SEED, TWILIO_SID, TWILIO_TOKEN, type FormParams } from './support/webhook-fixtures';

const SEED = 7_357;
const CASES = 10_500;
const STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'accepted', 'read', 'canceled', 'weird'];
const TELNYX_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'delivery_failed', 'sending_failed', 'expired', 'delivery_unconfirmed'];
const BODIES = ['STOP', 'start', ' help ', 'Hello', 'stop all', '', 'Ça va? 👨‍👩‍👧', 'x'.repeat(300)];

interface Case {
  readonly request: Request;
  /** How it was made, for the failure message. */
  readonly label: string;
  /** Made and signed without any change: it must be accepted. */
  readonly pristine: boolean;
}

type Random = () => number;

function twilioParams(random: Random): FormParams {
  if (random() < 0.5) {
    const params: FormParams = { MessageSid: pick(random, [TWILIO_SID, `SM${String(Math.floor(random() * 1e6)).padStart(32, '0')}`]), MessageStatus: pick(random, STATUSES), From: OURS, To: RECIPIENT };
    if (random() < 0.3) params.ErrorCode = pick(random, ['30003', '21610', '30007', '99999']);
    return params;
  }
  const params: FormParams = { MessageSid: `SM${String(Math.floor(random() * 1e9)).padStart(32, '0')}`, SmsStatus: 'received', From: RECIPIENT, To: OURS, Body: pick(random, BODIES), NumMedia: '0' };
  if (random() < 0.2) Object.assign(params, { NumMedia: '1', MediaUrl0: 'https://api.twilio.com/m/ME1', MediaContentType0: 'image/jpeg' });
  return params;
}

function randomJson(random: Random, depth = 0): unknown {
  const roll = random();
  if (depth > 3 || roll < 0.3) return pick(random, [null, true, 0, -1, 1e308, '', randomText(random, 12), 'message.finalized', 'message.received', TWILIO_SID]);
  if (roll < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let index = Math.floor(random() * 5); index > 0; index -= 1) object[pick(random, ['data', 'payload', 'id', 'event_type', 'to', 'from', 'text', 'errors', 'media', 'phone_number', 'status', '__proto__', randomText(random, 5)])] = randomJson(random, depth + 1);
  return object;
}

function telnyxEvent(random: Random): unknown {
  if (random() < 0.15) return randomJson(random);
  if (random() < 0.5) {
    return {
      data: {
        id: `event-${Math.floor(random() * 1e9)}`,
        event_type: pick(random, ['message.sent', 'message.finalized']),
        payload: { id: `m-${Math.floor(random() * 50)}`, from: { phone_number: OURS }, to: [{ phone_number: RECIPIENT, status: pick(random, TELNYX_STATUSES) }], errors: random() < 0.3 ? [{ code: pick(random, ['40300', '40006', '1']) }] : [] },
      },
    };
  }
  return { data: { id: `event-${Math.floor(random() * 1e9)}`, event_type: 'message.received', payload: { id: `in-${Math.floor(random() * 1e9)}`, from: { phone_number: RECIPIENT }, to: [{ phone_number: OURS }], text: pick(random, BODIES), media: [] } } };
}

/** One byte flipped, inserted or removed. */
function mutateBytes(random: Random, bytes: Buffer): Buffer {
  const position = Math.floor(random() * (bytes.length + 1));
  const roll = random();
  if (roll < 0.4 && bytes.length > 0) {
    const copy = Buffer.from(bytes);
    const index = Math.min(position, bytes.length - 1);
    copy[index] = (copy[index] as number) ^ (1 << Math.floor(random() * 8));
    return copy;
  }
  if (roll < 0.7) return Buffer.concat([bytes.subarray(0, position), Buffer.from([Math.floor(random() * 256)]), bytes.subarray(position)]);
  return bytes.length === 0 ? Buffer.from('x') : Buffer.concat([bytes.subarray(0, Math.max(0, position - 1)), bytes.subarray(position)]);
}

function mutateText(random: Random, text: string): string {
  if (text.length === 0 || random() < 0.3) return text + pick(random, ['A', '=', ' ', '\n', '%']);
  const index = Math.floor(random() * text.length);
  const replacement = pick(random, ['A', 'b', '0', '+', '/', '=', '-', '_', '']);
  return replacement === text[index] ? text.slice(0, index) + text.slice(index + 1) : text.slice(0, index) + replacement + text.slice(index + 1);
}

function post(url: string, headers: Record<string, string>, body: Uint8Array | string, method = 'POST'): Request {
  return new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
}

function makeCase(random: Random, signedTelnyx: Set<string>): Case {
  const kind = random();
  if (kind < 0.4) {
    const url = random() < 0.5 ? `${ENDPOINT}?message_id=id-${1 + Math.floor(random() * 3)}` : ENDPOINT;
    const params = twilioParams(random);
    const body = Buffer.from(formBody(params), 'utf8');
    const signature = signTwilioRequest({ url, params, authToken: TWILIO_TOKEN }).signature;
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature };
    const mutation = Math.floor(random() * 8);
    switch (mutation) {
      case 0:
      case 1:
        return { request: post(url, headers, body), label: 'twilio pristine', pristine: true };
      case 2:
        return { request: post(url, headers, mutateBytes(random, body)), label: 'twilio body bytes', pristine: false };
      case 3:
        return { request: post(url, { ...headers, 'x-twilio-signature': mutateText(random, signature) }, body), label: 'twilio signature', pristine: false };
      case 4:
        return { request: post(pick(random, [`${url}&x=1`, url.replace('https:', 'http:'), url.replace('hooks.example.com', 'hooks.example.com:8443'), url.replace('/sms', '/SMS'), url.replace(/message_id=id-\d/, 'message_id=id-9')]), headers, body), label: 'twilio url', pristine: false };
      case 5:
        return { request: post(url, { ...headers, 'x-twilio-signature': signTwilioRequest({ url, params, authToken: 'another-token' }).signature }, body), label: 'twilio other token', pristine: false };
      case 6:
        return { request: post(url, { 'content-type': 'application/x-www-form-urlencoded' }, body), label: 'twilio no signature', pristine: false };
      default: {
        // Signed by the right token, but over a random (possibly meaningless) set of parameters.
        const junk: FormParams = {};
        for (let index = Math.floor(random() * 6); index > 0; index -= 1) junk[pick(random, ['MessageSid', 'MessageStatus', 'SmsStatus', 'Body', 'From', 'To', 'NumMedia', 'MediaUrl0', 'ErrorCode', 'OptOutType', randomText(random, 4)])] = randomText(random, 40);
        const signed = signTwilioRequest({ url, params: junk, authToken: TWILIO_TOKEN });
        return { request: post(url, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signed.signature }, formBody(junk)), label: 'twilio signed junk', pristine: false };
      }
    }
  }
  if (kind < 0.8) {
    const event = telnyxEvent(random);
    const body = Buffer.from(JSON.stringify(event) ?? 'null', 'utf8');
    const timestamp = NOW_SECONDS - Math.floor(random() * 300);
    const signed = signTelnyxRequest({ body, privateKey: TELNYX_SEED, timestamp });
    signedTelnyx.add(`${signed.timestamp}|${createHash('sha256').update(body).digest('hex')}`);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...signed.headers };
    const mutation = Math.floor(random() * 8);
    const wellFormed = typeof event === 'object' && event !== null && 'data' in event && typeof (event as { data?: { event_type?: unknown } }).data?.event_type === 'string';
    switch (mutation) {
      case 0:
      case 1:
      case 2:
        return { request: post(ENDPOINT, headers, body), label: 'telnyx pristine', pristine: wellFormed };
      case 3:
        return { request: post(ENDPOINT, headers, mutateBytes(random, body)), label: 'telnyx body bytes', pristine: false };
      case 4:
        return { request: post(ENDPOINT, { ...headers, 'telnyx-signature-ed25519': mutateText(random, signed.signature) }, body), label: 'telnyx signature', pristine: false };
      case 5:
        return { request: post(ENDPOINT, { ...headers, 'telnyx-timestamp': pick(random, [String(timestamp + 1), String(NOW_SECONDS - 301), String(NOW_SECONDS + 301), `${timestamp}.0`, '', `0${timestamp}`]) }, body), label: 'telnyx timestamp', pristine: false };
      case 6:
        return { request: post(ENDPOINT, { ...headers, 'telnyx-signature-ed25519': signTelnyxRequest({ body, privateKey: Buffer.alloc(32, 3).toString('base64'), timestamp }).signature }, body), label: 'telnyx other key', pristine: false };
      default:
        return { request: post(ENDPOINT, { 'content-type': 'application/json', 'telnyx-timestamp': signed.timestamp }, body), label: 'telnyx no signature', pristine: false };
    }
  }
  // Garbage: random bytes, random headers, random methods.
  const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
  const headers: Record<string, string> = {};
  if (random() < 0.4) headers['x-twilio-signature'] = pick(random, ['', 'AAAA', randomText(random, 28).replace(/[^\x20-\x7e]/g, 'a'), 'L/OH5YylLD5NRKLltdqwSvS0BnU=']);
  if (random() < 0.4) headers['telnyx-signature-ed25519'] = pick(random, ['', 'AAAA', Buffer.alloc(64).toString('base64'), randomText(random, 20).replace(/[^\x20-\x7e]/g, 'a')]);
  if (random() < 0.4) headers['telnyx-timestamp'] = pick(random, [String(NOW_SECONDS), '', 'now', '-1', '99999999999999999999']);
  if (random() < 0.5) headers['content-type'] = pick(random, ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']);
  const method = pick(random, ['POST', 'POST', 'POST', 'GET', 'PUT', 'HEAD', 'DELETE']);
  return { request: post(`${ENDPOINT}${random() < 0.5 ? '?message_id=id-1' : ''}`, headers, bytes, method), label: 'garbage', pristine: false };
}

/** Whether an accepted request was authentic, by an oracle independent of the handler's verifier. */
async function authentic(request: Request, signedTelnyx: ReadonlySet<string>): Promise<boolean> {
  const body = Buffer.from(await request.arrayBuffer());
  const twilioSignature = request.headers.get('x-twilio-signature');
  if (twilioSignature !== null) {
    const params: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
      const previous = params[name];
      params[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return twilio.validateRequest(TWILIO_TOKEN, twilioSignature, request.url, params);
  }
  const timestamp = request.headers.get('telnyx-timestamp') ?? '';
  const fresh = /^\d+$/.test(timestamp) && Math.abs(Number(timestamp) - NOW_SECONDS) <= 300;
  return fresh && signedTelnyx.has(`${timestamp}|${createHash('sha256').update(body).digest('hex')}`);
}

describe('createWebhookHandler under fuzzing', () => {
  it(`${CASES} random and mutated requests: never a 5xx, never an accepted forgery (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const { sms, handler, provider, errors } = setupWebhooks({ outcomes: [{ type: 'accept', providerMessageId: TWILIO_SID }] });
    for (let index = 0; index < 3; index += 1) await sms.send({ to: RECIPIENT, from: OURS, body: `Message ${index}` });
    provider.reset();
    const random = seededRandom(SEED);
    const signedTelnyx = new Set<string>();
    const statuses = new Map<number, number>();
    let pristine = 0;
    for (let index = 0; index < CASES; index += 1) {
      const made = makeCase(random, signedTelnyx);
      const oracleCopy = made.request.clone();
      const response = await handler(made.request);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const where = `case ${index} (${made.label}, seed ${SEED})`;
      expect(response.status, where).toBeLessThan(500);
      if (response.status < 300) expect(await authentic(oracleCopy, signedTelnyx), `accepted a forgery: ${where}`).toBe(true);
      if (made.pristine) {
        pristine += 1;
        expect(response.status, `refused an authentic request: ${where}`).toBe(200);
      }
    }
    expect(errors).toEqual([]);
    expect(pristine).toBeGreaterThan(2_000);
    // Every kind of answer was exercised.
    for (const status of [200, 400, 403, 405]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(50);
  });
});
