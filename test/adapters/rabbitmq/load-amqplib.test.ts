import { describe, expect, it } from 'vitest';
import { loadAmqplib } from '../../../src/adapters/rabbitmq/load-amqplib';

describe('loadAmqplib', () => {
  it("returns the package's own connect function", async () => {
    const connect = async () => ({}) as never;
    await expect(loadAmqplib(async () => ({ connect }))).resolves.toBe(connect);
  });

  it('names the package to install when amqplib is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'amqplib' imported from /app/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadAmqplib(() => Promise.reject(missing))).rejects.toMatchObject({ reason: 'SDK_NOT_INSTALLED', message: expect.stringContaining('npm install amqplib') });
  });
});
