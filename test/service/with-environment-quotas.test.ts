import { describe, expect, it } from 'vitest';
import { withEnvironmentQuotas } from '../../src/service/with-environment-quotas';

describe('withEnvironmentQuotas', () => {
  it('adds nothing when the environment sets no limit', () => {
    expect(withEnvironmentQuotas(undefined, { hourly: undefined, daily: undefined })).toEqual({});
    const quotas = { hourly: 5 };
    expect(withEnvironmentQuotas(quotas, { hourly: undefined, daily: undefined }).quotas).toBe(quotas);
  });

  it('uses the environment limits as defaults', () => {
    expect(withEnvironmentQuotas(undefined, { hourly: 100, daily: 500 })).toEqual({ quotas: { hourly: 100, daily: 500 } });
    expect(withEnvironmentQuotas(undefined, { hourly: undefined, daily: 500 })).toEqual({ quotas: { daily: 500 } });
  });

  it('lets a limit given in code win, and keeps the other quota options', () => {
    expect(withEnvironmentQuotas({ hourly: 10, warningThreshold: 0.8 }, { hourly: 100, daily: 500 })).toEqual({ quotas: { hourly: 10, daily: 500, warningThreshold: 0.8 } });
  });
});
