// Cross-module scenario: SMSService construction refusing bad quota, guard and pacing options (src/service/sms-service.ts with src/limits/).
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error';
import { createInMemoryQuotaLimiter } from '../../src/limits/in-memory-quota-limiter';
import { SMSService } from '../../src/service/sms-service';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

function construct(options: Partial<SMSServiceOptions>): ValidationError {
  try {
    new SMSService({ providers: [createFakeProvider({ id: 'twilio' })], ...options });
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('limit options are checked at construction, naming options.x.y and the fix', () => {
  it.each([
    [{ quotas: { hourly: 0 } }, 'options.quotas.hourly', '0 is not a whole number from 1 to 1000000000.'],
    [{ quotas: { daily: 2.5 } }, 'options.quotas.daily', '2.5 is not a whole number'],
    [{ quotas: { hourly: 10, perHour: 5 } }, 'options.quotas.perHour', 'is not a known option. Fix: use only limiter, hourly, daily'],
    [{ quotas: {} }, 'options.quotas', 'sets no limit.'],
    [{ quotas: { hourly: 1, cost: 'segments' } }, 'options.quotas.cost', '"segments" is not a cost.'],
    [{ quotas: { hourly: 1, warningThreshold: 80 } }, 'options.quotas.warningThreshold', '80 is not a share between 0 and 1.'],
    [{ quotas: { hourly: 1, defaultTenantId: '' } }, 'options.quotas.defaultTenantId', 'is not a string of 1 to 128 characters.'],
    [{ quotas: { hourly: 1, onEvent: 'log' } }, 'options.quotas.onEvent', 'must be a function'],
    [{ quotas: { hourly: 1, limiter: { consume: () => undefined } } }, 'options.quotas.limiter', 'is not a QuotaLimiter'],
    [{ quotas: { perTenant: { 'org-1': { hourly: -1 } } } }, 'options.quotas.perTenant["org-1"].hourly', '-1 is not a whole number'],
    [{ quotas: { perTenant: { 'org-1': { weekly: 5 } } } }, 'options.quotas.perTenant["org-1"].weekly', 'is not a known option'],
    [{ quotas: { perTenant: [] } }, 'options.quotas.perTenant', 'must be a function or an object, got an array.'],
    [{ guards: { perDestination: { limit: 0 } } }, 'options.guards.perDestination.limit', '0 is not a whole number'],
    [{ guards: { perPrefix: {} } }, 'options.guards.perPrefix.limit', 'is missing.'],
    [{ guards: { perPrefix: { limit: 5, scope: 'world' } } }, 'options.guards.perPrefix.scope', '"world" is not a scope.'],
    [{ guards: { perPrefix: { limit: 5, durationMs: 10 } } }, 'options.guards.perPrefix.durationMs', '10 is not a whole number from 1000'],
    [{ guards: { allowedCountries: ['US'] } }, 'options.guards.allowedCountries', 'is not a known option'],
    [{ pacing: {} }, 'options.pacing', 'sets no rule.'],
    [{ pacing: { default: { messagesPerSecond: 0 } } }, 'options.pacing.default.messagesPerSecond', '0 is not a rate from 0.001 to 10000.'],
    [{ pacing: { providers: { telnyx: { messagesPerSecond: 1 } } } }, 'options.pacing.providers["telnyx"]', 'names no configured provider. Fix: use one of the provider ids: twilio.'],
    [{ pacing: { senders: { '12345': { messagesPerSecond: 1, maxQueue: -1 } } } }, 'options.pacing.senders["12345"].maxQueue', '-1 is not a whole number'],
    [{ pacing: { pacer: {}, default: { messagesPerSecond: 1 } } }, 'options.pacing.pacer', 'is not a SenderPacer'],
  ])('%j → %s', (options, field, problem) => {
    const error = construct(options as Partial<SMSServiceOptions>);
    expect(error.field).toBe(field);
    expect(error.reason).toBe('INVALID_OPTION');
    expect(error.message).toContain(problem);
  });

  it('accepts a complete configuration', () => {
    expect(
      () =>
        new SMSService({
          providers: [createFakeProvider({ id: 'twilio' })],
          quotas: { limiter: createInMemoryQuotaLimiter(), hourly: 100, daily: 500, perTenant: () => undefined, cost: 'segment', warningThreshold: 0.8, defaultTenantId: 'platform', onEvent: () => undefined },
          guards: { perDestination: { limit: 5, durationMs: 600_000, scope: 'global' }, perPrefix: false },
          pacing: { default: { messagesPerSecond: 1, maxQueue: 10, maxWaitMs: 5000 }, providers: { twilio: { messagesPerSecond: 3 } }, senders: { '12345': { messagesPerSecond: 100 } } },
        }),
    ).not.toThrow();
  });
});
