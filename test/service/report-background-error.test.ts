import { describe, expect, it, vi } from 'vitest';
import { reportBackgroundError } from '../../src/service/report-background-error';

describe('reportBackgroundError', () => {
  it('emits one TOOLS_CORE_BACKGROUND warning naming the action, the message and the cause', () => {
    const warning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      reportBackgroundError(new Error('bus down'), { stage: 'events', messageId: 'msg-1' });
      reportBackgroundError('disk full', { stage: 'store', messageId: 'msg-2' });
      expect(warning.mock.calls).toEqual([
        ['tools-core could not publish message msg-1: bus down', { code: 'TOOLS_CORE_BACKGROUND' }],
        ['tools-core could not record message msg-2: disk full', { code: 'TOOLS_CORE_BACKGROUND' }],
      ]);
    } finally {
      warning.mockRestore();
    }
  });
});
