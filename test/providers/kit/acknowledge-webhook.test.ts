import { describe, expect, it } from 'vitest';
import { acknowledgeWebhook } from '../../../src/providers/kit/acknowledge-webhook';

describe('acknowledgeWebhook', () => {
  it('answers 200 with a JSON acknowledgement and no reply', async () => {
    const response = acknowledgeWebhook();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ received: true });
  });

  it('makes a fresh response each time, so each body can be read', async () => {
    const first = acknowledgeWebhook();
    const second = acknowledgeWebhook();
    expect(first).not.toBe(second);
    await first.text();
    expect(second.bodyUsed).toBe(false);
  });
});
