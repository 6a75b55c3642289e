import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookHandler } from './webhook-handler-options';

export interface NodeHandlerOptions {
  /** Largest body read from the socket, in bytes. Default 1 MiB (match the handler's `maxBodyBytes`). */
  maxBodyBytes?: number;
}

/** A Node or Express request, with what body parsers may have left on it. */
type NodeRequest = IncomingMessage & { originalUrl?: string; rawBody?: unknown; body?: unknown };

/**
 * Adapts a Fetch-standard webhook handler to Node's `http` server and to Express (whose `req`/`res`
 * are Node's): it reads the raw body (or takes the one `express.raw()` kept), builds a `Request` from
 * the Host header and the socket's scheme, and writes the `Response` back.
 *
 * Mount it before `express.json()` / `express.urlencoded()`: signatures cover the raw bytes, and a
 * parsed body cannot be turned back into them (the handler then answers 500 saying so). Behind a
 * proxy, the URL seen here is not the public one: set `providers.twilio.publicOrigin`.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeHandler(handler)).listen(3000);
 * // Express: app.post('/webhooks/sms', toNodeHandler(handler));
 */
export function toNodeHandler(handler: WebhookHandler, options: NodeHandlerOptions = {}): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  return async (incoming, response) => {
    const request = incoming as NodeRequest;
    let answer: Response;
    const body = await readBody(request, maxBodyBytes);
    if (!body.ok) {
      answer = Response.json({ error: { reason: body.reason, message: body.message } }, { status: body.status });
    } else {
      let fetchRequest: Request | undefined;
      try {
        fetchRequest = toFetchRequest(request, body.bytes);
      } catch {
        fetchRequest = undefined;
      }
      answer =
        fetchRequest === undefined
          ? Response.json({ error: { reason: 'MALFORMED_REQUEST', message: 'The request line or headers cannot form a URL (check the Host header).' } }, { status: 400 })
          : await handler(fetchRequest);
    }
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => response.setHeader(name, value));
    response.end(Buffer.from(await answer.arrayBuffer()));
  };
}

type NodeBody = { ok: true; bytes: Buffer | undefined } | { ok: false; status: 413 | 500 | 400; reason: string; message: string };

async function readBody(request: NodeRequest, maxBodyBytes: number): Promise<NodeBody> {
  const kept = request.rawBody ?? request.body;
  if (Buffer.isBuffer(kept) || kept instanceof Uint8Array) return { ok: true, bytes: Buffer.from(kept) };
  if (typeof kept === 'string') return { ok: true, bytes: Buffer.from(kept, 'utf8') };
  if (kept !== undefined && kept !== null) {
    return {
      ok: false,
      status: 500,
      reason: 'BODY_ALREADY_PARSED',
      message:
        'A body parser (express.json or express.urlencoded) consumed the raw body, and signatures cover the exact bytes. Fix: mount the webhook route before the parsers, or use express.raw({ type: "*/*" }) on it.',
    };
  }
  if (request.method === 'GET' || request.method === 'HEAD') return { ok: true, bytes: undefined };
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of request) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      total += buffer.length;
      if (total > maxBodyBytes) {
        request.resume();
        return { ok: false, status: 413, reason: 'BODY_TOO_LARGE', message: `The request body is larger than ${maxBodyBytes} bytes.` };
      }
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, status: 400, reason: 'UNREADABLE_BODY', message: 'The request body could not be read.' };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

function toFetchRequest(request: NodeRequest, body: Buffer | undefined): Request {
  const encrypted = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  // Concatenated, not resolved: a path such as `//other.host/x` must stay a path on this host.
  const url = new URL(`${encrypted ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}${request.originalUrl ?? request.url ?? '/'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.append(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  return new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
}
