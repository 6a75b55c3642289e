export type RequestBody = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly status: 400 | 413; readonly message: string };

/**
 * Reads a Fetch request's raw body, byte for byte (signatures cover the exact bytes), stopping past
 * `maxBytes` so an oversized request cannot exhaust memory.
 */
export async function readRequestBody(request: Request, maxBytes: number): Promise<RequestBody> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return tooLarge(maxBytes);
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Inside the try: a body another middleware already read is locked, and getReader() throws.
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, message: 'The request body could not be read (the connection broke, or it was already consumed).' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

function tooLarge(maxBytes: number): RequestBody {
  return { ok: false, status: 413, message: `The request body is larger than ${maxBytes} bytes (maxBodyBytes); provider webhooks are far smaller.` };
}
