import { describe, expect, it } from 'vitest';
import { classifyStartFailure } from '../../src/cli/classify-start-failure';
import { NotReadyError } from '../../src/errors/not-ready-error';
import { SmsError } from '../../src/errors/sms-error';
import { optionError } from '../../src/options/option-error';
import { busError } from '../../src/platform/bus-error';

const sdkMissing = (provider: string) => new SmsError({ code: 'PROVIDER_ERROR', reason: 'SDK_NOT_INSTALLED', message: `npm install ${provider}.`, provider });

describe('classifyStartFailure', () => {
  it('names the URL flag instead of options.url, exit 2', () => {
    const error = optionError('options.url', 'is not a valid amqp:// URL.', 'pass amqp://user:password@host:5672.');
    expect(classifyStartFailure('amqp-url', error)).toEqual({ exitCode: 2, flag: '--amqp-url', message: '--amqp-url: is not a valid amqp:// URL. Fix: pass amqp://user:password@host:5672.' });
    expect(classifyStartFailure('redis-url', new Error('bad scheme'))).toEqual({ exitCode: 2, flag: '--redis-url', message: '--redis-url: bad scheme' });
  });

  it('suggests --allow-missing-fallback only when every unready provider is a fallback', () => {
    const fallbackOnly = new NotReadyError({ providers: [{ provider: 'telnyx', role: 'fallback', error: sdkMissing('telnyx') }] });
    expect(classifyStartFailure('providers', fallbackOnly)).toEqual({
      exitCode: 2,
      flag: '--allow-missing-fallback',
      message: 'The SMS service is not ready: telnyx (fallback): npm install telnyx. Or start with --allow-missing-fallback to run without that fallback.',
    });
    const primary = new NotReadyError({ providers: [{ provider: 'twilio', role: 'primary', error: sdkMissing('twilio') }] });
    expect(classifyStartFailure('providers', primary)).toEqual({ exitCode: 2, flag: null, message: 'The SMS service is not ready: twilio (primary): npm install twilio.' });
  });

  it('treats refused Redis credentials as permanent and an unreachable Redis as transient', () => {
    expect(classifyStartFailure('redis', new Error('WRONGPASS invalid username-password pair'))).toMatchObject({ exitCode: 2, flag: '--redis-url', message: expect.stringMatching(/^--redis-url: Redis refused the credentials \(WRONGPASS/) as unknown });
    expect(classifyStartFailure('redis', new Error('NOAUTH Authentication required.')).exitCode).toBe(2);
    expect(classifyStartFailure('redis', new Error('connect ECONNREFUSED 127.0.0.1:6379'))).toEqual({ exitCode: 1, flag: '--redis-url', message: '--redis-url: connect ECONNREFUSED 127.0.0.1:6379' });
  });

  it('sorts broker failures by reason', () => {
    expect(classifyStartFailure('broker', busError({ reason: 'BUS_ACCESS_REFUSED', bus: 'rabbitmq', message: 'RabbitMQ refused the login.' }))).toEqual({ exitCode: 2, flag: '--amqp-url', message: '--amqp-url: RabbitMQ refused the login.' });
    expect(classifyStartFailure('broker', busError({ reason: 'BUS_VHOST_REFUSED', bus: 'rabbitmq', message: 'no vhost' })).exitCode).toBe(2);
    expect(classifyStartFailure('broker', busError({ reason: 'BUS_UNAVAILABLE', bus: 'rabbitmq', message: 'RabbitMQ is unreachable.' }))).toEqual({
      exitCode: 1,
      flag: '--connect-timeout-ms',
      message: 'RabbitMQ is unreachable. Fix: start RabbitMQ or correct the host of --amqp-url; --connect-timeout-ms sets how long the start waits.',
    });
  });

  it('reports anything else as transient without a flag', () => {
    expect(classifyStartFailure('broker', new Error('socket hang up'))).toEqual({ exitCode: 1, flag: null, message: 'socket hang up' });
    expect(classifyStartFailure('service', 'odd')).toEqual({ exitCode: 1, flag: null, message: 'odd' });
  });
});
