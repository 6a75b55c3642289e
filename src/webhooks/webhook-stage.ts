import type { WebhookErrorContext } from './webhook-handler-options';

/** A failure while handling a verified webhook, tagged with the stage that failed. */
export class WebhookStageError extends Error {
  constructor(
    readonly stage: WebhookErrorContext['stage'],
    readonly messageId: string | null,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'WebhookStageError';
  }
}

/** Runs one step, tagging its failure with the stage. */
export async function stage<Result>(name: WebhookErrorContext['stage'], messageId: string | null, step: () => Promise<Result>): Promise<Result> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof WebhookStageError ? error : new WebhookStageError(name, messageId, error);
  }
}
