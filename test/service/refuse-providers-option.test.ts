import { describe, expect, it } from 'vitest';
import { refuseProvidersOption } from '../../src/service/refuse-providers-option';

describe('refuseProvidersOption', () => {
  it('lets options without providers through', () => {
    expect(() => refuseProvidersOption({ defaultCountry: 'US' }, 'fromEnv')).not.toThrow();
  });

  it('refuses providers, even undefined, naming where the method builds them from', () => {
    expect(() => refuseProvidersOption({ providers: undefined }, 'fromEnv')).toThrow(/^options\.providers: is not an option of SMSService\.fromEnv\(\): it builds the providers from the environment\./);
    expect(() => refuseProvidersOption({ providers: [] }, 'fromConfig')).toThrow(/SMSService\.fromConfig\(\): it builds the providers from provider and fallbackProvider\. Fix: remove it/);
  });
});
