import type { Socket } from 'node:net';

/** Counts the system-call-level writes Node makes on `socket`: one `_writev` per flush of several chunks. */
export function countFlushes(socket: Socket): { single: number; vectored: number; chunks: number } {
  const counts = { single: 0, vectored: 0, chunks: 0 };
  const target = socket as unknown as { _write: (...args: unknown[]) => void; _writev: (chunks: unknown[], callback: unknown) => void };
  const single = target._write.bind(socket);
  const vectored = target._writev.bind(socket);
  target._write = (...args) => {
    counts.single += 1;
    counts.chunks += 1;
    single(...args);
  };
  target._writev = (chunks, callback) => {
    counts.vectored += 1;
    counts.chunks += chunks.length;
    vectored(chunks, callback);
  };
  return counts;
}
