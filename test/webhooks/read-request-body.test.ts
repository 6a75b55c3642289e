import { describe, expect, it } from 'vitest';
import { readRequestBody } from '../../src/webhooks/read-request-body';

const url = 'https://example.com/webhooks';

function streamed(chunks: Uint8Array[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request(url, { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readRequestBody', () => {
  it('reads the exact bytes, across chunks', async () => {
    const answer = await readRequestBody(streamed([new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([0xff])]), 10);
    expect(answer).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3, 0xff]) });
  });

  it('reads an empty body', async () => {
    expect(await readRequestBody(new Request(url, { method: 'POST' }), 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it('accepts exactly maxBytes and refuses one more with 413', async () => {
    expect((await readRequestBody(streamed([new Uint8Array(4)]), 4)).ok).toBe(true);
    expect(await readRequestBody(streamed([new Uint8Array(3), new Uint8Array(2)]), 4)).toEqual({
      ok: false,
      status: 413,
      message: 'The request body is larger than 4 bytes (maxBodyBytes); provider webhooks are far smaller.',
    });
  });

  it('refuses by a declared content-length before reading', async () => {
    const request = new Request(url, { method: 'POST', body: 'ab', headers: { 'content-length': '5000' } });
    expect(await readRequestBody(request, 1024)).toMatchObject({ ok: false, status: 413 });
  });

  it('answers 400 for a body already consumed', async () => {
    const request = new Request(url, { method: 'POST', body: 'a=1' });
    await request.text();
    expect(await readRequestBody(request, 1024)).toEqual({ ok: false, status: 400, message: 'The request body could not be read (the connection broke, or it was already consumed).' });
  });
});
