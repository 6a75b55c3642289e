import { describe, expect, it, vi } from 'vitest';
import { processWarningLogger } from '../../src/logging/logger';

describe('processWarningLogger', () => {
  it('is silent for info, and turns warnings and errors into process warnings with their code', () => {
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      processWarningLogger.info({ code: 'TOOLS_CORE_X' }, 'fine');
      processWarningLogger.warn({ code: 'TOOLS_CORE_X' }, 'careful');
      processWarningLogger.error({}, 'broken');
      expect(warning.mock.calls).toEqual([
        ['careful', { code: 'TOOLS_CORE_X' }],
        ['broken', { code: 'TOOLS_CORE' }],
      ]);
    } finally {
      warning.mockRestore();
    }
  });
});
