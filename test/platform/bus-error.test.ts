import { describe, expect, it } from 'vitest';
import { SmsError } from '../../src/errors/sms-error';
import { busError, type BusErrorReason } from '../../src/platform/bus-error';

describe('busError', () => {
  it('is a provider-fault PROVIDER_ERROR naming the bus, keeping the cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = busError({ reason: 'BUS_UNAVAILABLE', bus: 'rabbitmq', message: 'The broker is unreachable.', cause });
    expect(SmsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'BUS_UNAVAILABLE', message: 'The broker is unreachable.', fault: 'provider', provider: 'rabbitmq', retryable: true, cause });
  });

  it.each<[BusErrorReason, boolean]>([
    ['BUS_UNROUTABLE', true],
    ['BUS_UNAVAILABLE', true],
    ['BUS_PUBLISH_REFUSED', true],
    ['BUS_CLOSED', false],
    ['BUS_INVALID_MESSAGE', false],
    ['BUS_ACCESS_REFUSED', false],
    ['BUS_VHOST_REFUSED', false],
  ])('%s is retryable: %s', (reason, retryable) => {
    expect(busError({ reason, bus: 'memory', message: 'x' }).retryable).toBe(retryable);
  });
});
