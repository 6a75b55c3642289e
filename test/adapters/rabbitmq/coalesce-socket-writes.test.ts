import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceSocketWrites } from '../../../src/adapters/rabbitmq/coalesce-socket-writes';
import { countFlushes } from '../../support/count-flushes';

/** A loopback connection: the client socket, and the bytes the server received so far. */
async function loopback(): Promise<{ server: Server; client: Socket; received: () => string }> {
  const chunks: Buffer[] = [];
  const server = createServer((peer) => peer.on('data', (chunk: Buffer) => chunks.push(chunk)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const client = connect(port, '127.0.0.1');
  await once(client, 'connect');
  return { server, client, received: () => Buffer.concat(chunks).toString() };
}

const opened: { server: Server; client: Socket }[] = [];
afterEach(async () => {
  for (const { server, client } of opened.splice(0)) {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('coalesceSocketWrites', () => {
  it('sends the writes of one turn in one writev, in order, and the next turn in another', async () => {
    const pair = await loopback();
    opened.push(pair);
    const counts = countFlushes(pair.client);
    expect(coalesceSocketWrites({ connection: { stream: pair.client } })).toBe(true);
    for (let index = 0; index < 50; index += 1) pair.client.write(`frame-${index};`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts).toEqual({ single: 0, vectored: 1, chunks: 50 });
    pair.client.write('later;');
    pair.client.write('last;');
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts).toEqual({ single: 0, vectored: 2, chunks: 52 });
    const expected = `${Array.from({ length: 50 }, (_, index) => `frame-${index};`).join('')}later;last;`;
    while (pair.received().length < expected.length) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pair.received()).toBe(expected);
  });

  it('without it, every write is a system call of its own (what amqplib does)', async () => {
    const pair = await loopback();
    opened.push(pair);
    const counts = countFlushes(pair.client);
    for (let index = 0; index < 5; index += 1) pair.client.write(`frame-${index};`);
    await new Promise((resolve) => setImmediate(resolve));
    // The first write goes straight out; the rest queue behind it and leave together.
    expect(counts.single + counts.vectored).toBeGreaterThan(1);
  });

  it('installs once on a socket, and does nothing on a connection without one', async () => {
    const pair = await loopback();
    opened.push(pair);
    const counts = countFlushes(pair.client);
    const connection = { connection: { stream: pair.client } };
    expect(coalesceSocketWrites(connection)).toBe(true);
    expect(coalesceSocketWrites(connection)).toBe(true);
    pair.client.write('a');
    pair.client.write('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts).toEqual({ single: 0, vectored: 1, chunks: 2 });
    expect(coalesceSocketWrites({ connection: {} })).toBe(false);
    expect(coalesceSocketWrites({ connection: { stream: { write: () => true } } })).toBe(false);
    expect(coalesceSocketWrites(null)).toBe(false);
  });
});
