import { describe, expect, it } from 'vitest';
import { stage, WebhookStageError } from '../../src/webhooks/webhook-stage';

describe('stage', () => {
  it('returns the step result', async () => {
    await expect(stage('store', 'm1', () => Promise.resolve(42))).resolves.toBe(42);
  });

  it('tags a failure with the stage and message id, keeping the cause', async () => {
    const cause = new Error('db down');
    const error = await stage('store', 'm1', () => Promise.reject(cause)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookStageError);
    expect(error).toMatchObject({ name: 'WebhookStageError', stage: 'store', messageId: 'm1', message: 'db down', cause });
  });

  it('keeps the innermost stage and stringifies a non-error', async () => {
    const inner = stage('dedupe', null, () => Promise.reject(new Error('x')));
    await expect(stage('handler', 'm2', () => inner)).rejects.toMatchObject({ stage: 'dedupe', messageId: null });
    await expect(stage('events', null, () => Promise.reject('nope' as unknown as Error))).rejects.toMatchObject({ message: 'nope' });
  });
});
