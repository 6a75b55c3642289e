import { describe, expect, it } from 'vitest';
import { originalTransportError, withheldMessage } from '../../../src/providers/kit/original-transport-error';

function axiosError(fields: Record<string, unknown>): Record<string, unknown> {
  return { isAxiosError: true, config: { headers: { Authorization: 'Basic secret' }, data: 'To=%2B14155550100&Body=secret' }, ...fields };
}

describe('originalTransportError', () => {
  it('keeps a non-axios SDK error when there is no raw transport error or the chain already has it', () => {
    const sdk = new TypeError('fetch failed');
    expect(originalTransportError(sdk, undefined)).toBe(sdk);
    const socket = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    const wrapping = new Error('APIConnectionError', { cause: new Error('inner', { cause: socket }) });
    expect(originalTransportError(wrapping, socket)).toBe(wrapping);
  });

  it('keeps the raw transport error when the SDK dropped it from its chain', () => {
    const socket = Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });
    const sdk = new Error('APIConnectionTimeoutError');
    expect(originalTransportError(sdk, socket)).toBe(socket);
  });

  it("replaces an axios error by its own cause, never keeping its config", () => {
    const socket = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(originalTransportError(axiosError({ cause: socket, message: 'x' }), undefined)).toBe(socket);
  });

  it('stands in for an axios error without a usable cause with its name, message and code only', () => {
    const standIn = originalTransportError(axiosError({ name: 'AxiosError', message: 'timeout of 10ms exceeded', code: 'ECONNABORTED' }), undefined) as Error & { code?: string };
    expect(standIn).toBeInstanceOf(Error);
    expect(standIn.name).toBe('AxiosError');
    expect(standIn.message).toBe('timeout of 10ms exceeded');
    expect(standIn.code).toBe('ECONNABORTED');
    expect(standIn).not.toHaveProperty('config');

    const bare = originalTransportError(axiosError({ cause: axiosError({}), code: 42 }), undefined) as Error & { code?: unknown };
    expect(bare.name).toBe('AxiosError');
    expect(bare.message).toBe('axios error');
    expect(bare.code).toBeUndefined();
  });

  it('applies the same to an axios raw transport error', () => {
    const socket = new Error('EPIPE');
    expect(originalTransportError(new Error('sdk'), axiosError({ cause: socket }))).toBe(socket);
  });
});

describe('withheldMessage', () => {
  it('keeps the name and the code, never the message', () => {
    const standIn = withheldMessage(Object.assign(new SyntaxError('Unexpected token < in "+14155550100"'), { code: 'E_JSON' })) as Error & { code?: string };
    expect(standIn.name).toBe('SyntaxError');
    expect(standIn.message).toBe('SyntaxError (message withheld: it may quote the response)');
    expect(standIn.code).toBe('E_JSON');
    expect(standIn.message).not.toContain('+1415');
  });

  it("names an error without a name 'Error', and returns undefined for non-objects", () => {
    expect(withheldMessage({ code: 3 })?.message).toBe('Error (message withheld: it may quote the response)');
    expect((withheldMessage({ code: 3 }) as Error & { code?: unknown }).code).toBeUndefined();
    expect(withheldMessage('text')).toBeUndefined();
    expect(withheldMessage(null)).toBeUndefined();
  });
});
