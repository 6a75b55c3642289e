import { describe, expect, it } from 'vitest';
import { headerReaderFrom } from '../../../src/providers/kit/retry-after';
import { isVonageHttpError, VonageHttpError } from '../../../src/providers/vonage/vonage-http-error';

const problem = { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1120', title: 'Invalid sender', detail: 'x', instance: 'i' };

describe('VonageHttpError', () => {
  it('holds the status, the headers and the body, never the request', () => {
    const error = new VonageHttpError({ status: 422, readHeader: headerReaderFrom({ 'retry-after': '2' }), body: problem });
    expect(error.name).toBe('VonageHttpError');
    expect(error.message).toBe('Vonage answered HTTP 422');
    expect(error.status).toBe(422);
    expect(error.readHeader('retry-after')).toBe('2');
    expect(error.body).toEqual(problem);
    expect(Object.keys(error).sort()).toEqual(['body', 'name', 'readHeader', 'status']);
  });

  it('reads a JSON body and the headers of a failed response', async () => {
    const error = await VonageHttpError.fromResponse(Response.json(problem, { status: 422, headers: { 'Retry-After': '5' } }));
    expect(error.status).toBe(422);
    expect(error.body).toEqual(problem);
    expect(error.readHeader('retry-after')).toBe('5');
  });

  it('leaves the body undefined when it is not JSON, and reads at most 16384 characters', async () => {
    expect((await VonageHttpError.fromResponse(new Response('<html>Bad gateway</html>', { status: 502 }))).body).toBeUndefined();
    const padded = `{"title":"t"}${' '.repeat(20_000)}`;
    expect((await VonageHttpError.fromResponse(new Response(padded, { status: 400 }))).body).toEqual({ title: 't' });
    const long = JSON.stringify({ detail: 'x'.repeat(20_000) });
    expect((await VonageHttpError.fromResponse(new Response(long, { status: 400 }))).body).toBeUndefined();
  });

  it('rethrows an abort while reading the body', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.error(new DOMException('aborted', 'AbortError'));
      },
    });
    await expect(VonageHttpError.fromResponse(new Response(stream, { status: 500 }))).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('isVonageHttpError', () => {
  it('is true for a VonageHttpError only', () => {
    expect(isVonageHttpError(new VonageHttpError({ status: 500, readHeader: () => undefined, body: undefined }))).toBe(true);
    expect(isVonageHttpError(Object.assign(new Error('x'), { status: 500 }))).toBe(false);
    expect(isVonageHttpError(undefined)).toBe(false);
  });
});
