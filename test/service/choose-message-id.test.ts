import { describe, expect, it } from 'vitest';
import { deriveMessageId } from '../../src/idempotency/derive-message-id';
import { chooseMessageId } from '../../src/service/choose-message-id';

describe('chooseMessageId', () => {
  const generate = () => 'generated';

  it('derives the id from tenant and key when the request has a key', () => {
    expect(chooseMessageId({ idempotencyKey: 'k', tenantId: 't' }, generate)).toBe(deriveMessageId({ idempotencyKey: 'k', tenantId: 't' }));
    expect(chooseMessageId({ idempotencyKey: 'k' }, generate)).toBe(deriveMessageId({ idempotencyKey: 'k', tenantId: undefined }));
  });

  it('generates one for a request without a usable key (validation refuses the malformed ones next)', () => {
    for (const input of [undefined, null, 'text', {}, { idempotencyKey: '' }, { idempotencyKey: 42 }, { idempotencyKey: 'k', tenantId: 7 }]) {
      expect(chooseMessageId(input, generate)).toBe('generated');
    }
  });
});
