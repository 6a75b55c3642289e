import { describe, expect, it } from 'vitest';
import { parseWorkerArguments, UsageError } from '../../src/cli/parse-worker-arguments';

const urls = ['--amqp-url', 'amqp://127.0.0.1', '--redis-url', 'redis://127.0.0.1'];

describe('parseWorkerArguments', () => {
  it('applies the defaults, and takes the URLs from AMQP_URL and REDIS_URL', () => {
    expect(parseWorkerArguments([], { AMQP_URL: 'amqp://broker', REDIS_URL: 'redis://cache' })).toEqual({
      amqpUrl: 'amqp://broker',
      redisUrl: 'redis://cache',
      exchange: 'tools-core.sms',
      queue: 'tools-core.sms.send_request',
      concurrency: 10,
      drainTimeoutMs: 30_000,
      provider: 'env',
      fakeDelayMs: 0,
      connectTimeoutMs: 30_000,
      allowMissingFallback: false,
    });
    expect(parseWorkerArguments([...urls, '--connect-timeout-ms', '500', '--allow-missing-fallback'], {})).toMatchObject({ connectTimeoutMs: 500, allowMissingFallback: true });
    expect(parseWorkerArguments([...urls, '--concurrency', '50', '--provider', 'fake'], {})).toMatchObject({ concurrency: 50, provider: 'fake', amqpUrl: 'amqp://127.0.0.1' });
    expect(parseWorkerArguments(['--help'], {})).toBe('help');
  });

  it.each([
    [['--redis-url', 'redis://x'], /--amqp-url is required/],
    [['--amqp-url', 'amqp://x'], /--redis-url is required/],
    [[...urls, '--concurrency', '0'], /--concurrency must be a whole number from 1 to 1000/],
    [[...urls, '--concurrency', '2.5'], /--concurrency/],
    [[...urls, '--provider', 'twilio'], /--provider must be env or fake/],
    [[...urls, '--unknown'], /Unknown option '--unknown'/],
    [[...urls, '--connect-timeout-ms', '0'], /--connect-timeout-ms must be a whole number from 1 to 3600000/],
  ])('refuses %j', (args, message) => {
    expect(() => parseWorkerArguments(args, {})).toThrow(UsageError);
    expect(() => parseWorkerArguments(args, {})).toThrow(message);
  });
});
