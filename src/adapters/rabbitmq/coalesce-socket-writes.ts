import { Socket } from 'node:net';

/** Marks a socket already coalescing, so a second install does not wrap `write` twice. */
const COALESCING = Symbol.for('tools-core.rabbitmq.coalescing-writes');

/**
 * Makes every write an amqplib connection issues within one turn of the event loop leave in a single
 * `writev`. amqplib hands the socket each frame on its own (lib/mux.js writes every chunk of every
 * channel in turn), so each publish, ack and confirm costs a system call and a wake-up of the broker;
 * a worker answering a burst of deliveries issues hundreds in one turn. The socket is corked at the first
 * write of a turn and uncorked on the next tick, which comes before any I/O: nothing waits longer, and
 * the order of frames is unchanged (Node's `writable.cork()`: "buffered data will be flushed when either
 * the uncork() or end() methods are called").
 *
 * Relies on amqplib's connection model keeping its socket at `connection.stream` (0.10 to 2.x); for a
 * connection that does not (a host's own `connect`), it does nothing and returns false.
 *
 * @example
 * const connection = await amqplib.connect(url);
 * coalesceSocketWrites(connection); // true
 */
export function coalesceSocketWrites(connection: unknown): boolean {
  const socket = (connection as { connection?: { stream?: unknown } } | null)?.connection?.stream;
  if (!(socket instanceof Socket)) return false;
  const marked = socket as Socket & { [COALESCING]?: true };
  if (marked[COALESCING] === true) return true;
  marked[COALESCING] = true;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  const write = socket.write;
  socket.write = function coalescedWrite(this: Socket, ...args: Parameters<Socket['write']>): boolean {
    if (!corked && !this.destroyed) {
      corked = true;
      this.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  } as Socket['write'];
  return true;
}
