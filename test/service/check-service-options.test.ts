import { describe, expect, it } from 'vitest';
import { checkServiceOptions } from '../../src/service/check-service-options';
import type { SMSServiceOptions } from '../../src/service/sms-service-options';
import { createFakeProvider } from '../../src/testing/create-fake-provider';

describe('checkServiceOptions', () => {
  it('returns the providers, a single provider as a list', () => {
    const twilio = createFakeProvider({ id: 'twilio' });
    const telnyx = createFakeProvider({ id: 'telnyx' });
    expect(checkServiceOptions({ providers: [twilio, telnyx] })).toEqual([twilio, telnyx]);
    expect(checkServiceOptions({ providers: twilio } as unknown as SMSServiceOptions)).toEqual([twilio]);
  });

  it.each([
    [{ providers: [] }, 'options.providers: is empty.'],
    [{}, 'options.providers: is empty.'],
    [{ providers: [{ id: 'x' }] }, 'options.providers[0]: is not an SmsProvider (it needs an id and a send function).'],
    [{ providers: [createFakeProvider({ id: 'a' }), createFakeProvider({ id: 'a' })] }, 'options.providers[1]: repeats the provider id "a".'],
    [{ providers: [createFakeProvider()], retries: 2 }, 'options.retries: is not an SMSService option.'],
    [{ providers: [createFakeProvider()], maxSegments: 0 }, 'options.maxSegments'],
    [{ providers: [createFakeProvider()], maxMediaUrls: 101 }, 'options.maxMediaUrls'],
  ])('refuses %o', (options, message) => {
    expect(() => checkServiceOptions(options as unknown as SMSServiceOptions)).toThrow(message);
  });

  it('refuses a non-object', () => {
    expect(() => checkServiceOptions(null as unknown as SMSServiceOptions)).toThrow('options: is not an object.');
  });
});
