/**
 * nock for the provider tests. nock 15 intercepts through @mswjs/interceptors 0.44, which patches
 * `globalThis.fetch` and Node's socket creation (net/tls connect). twilio-node's axios (over `https` +
 * an Agent) and the Telnyx SDK's fetch (captured from `globalThis` when the client is built, or the
 * adapter's wrapper that calls `globalThis.fetch` per request) both write real HTTP/1.1 to an
 * in-memory socket and parse nock's reply with Node's own parsers: the SDKs' request building,
 * serialisation and error handling all run for real.
 *
 * @mswjs/interceptors 0.44 declares `engines: node >= 22` and calls `Promise.withResolvers` (Node
 * 22+) on every intercepted request; this package supports Node 20, so it is polyfilled here before
 * any request is made (`installPromiseWithResolvers` from `./testing`, docs/testing.md#nodejs-20).
 * Harmless on Node 22+, where the native one is kept.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import nock from 'nock';
import { installPromiseWithResolvers } from '../../src/testing/install-promise-with-resolvers';

installPromiseWithResolvers();

export { nock };

/**
 * A socket-level error for `replyWithError`. It must be a real `Error` with `code` and `errno`:
 * @mswjs/interceptors only forwards "Node-like" errors (`instanceof Error`, `code`, `errno`) to the
 * client; a plain `{ code }` object leaves the request hanging (source-C0NfxHES.js `isNodeLikeError`).
 */
export function socketError(code: string, syscall: string, errno = -1): Error {
  return Object.assign(new Error(`${syscall} ${code}`), { code, errno, syscall });
}

/** What one intercepted request looked like on the wire. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * Records every request a scope intercepts (nock 15 emits `request` with the decompressed fetch
 * `Request` and the body string), so tests can assert the exact request and count the POSTs.
 */
export function recordRequests(scope: nock.Scope): RecordedRequest[] {
  const recorded: RecordedRequest[] = [];
  scope.on('request', (request: Request, _interceptor: unknown, body: string) => {
    recorded.push({ method: request.method, url: new URL(request.url), headers: request.headers, body });
  });
  return recorded;
}

/** Resolves after `ms` real milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The error Node's own ESM loader raises for `import('<packageName>')` when the package is not
 * installed, captured from a child process started in the OS temp directory (where no
 * `node_modules` has it). Real message and code, not a hand-written imitation.
 */
export function realEsmMissingPackageError(packageName: string): Error {
  const script = `import(${JSON.stringify(packageName)}).then(() => console.log('{}'), (error) => console.log(JSON.stringify({ code: error.code, message: error.message })));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmpdir(), encoding: 'utf8' });
  const { code, message } = JSON.parse(output) as { code?: string; message?: string };
  if (code === undefined || message === undefined) throw new Error(`${packageName} unexpectedly resolved from ${tmpdir()}`);
  return Object.assign(new Error(message), { code });
}
