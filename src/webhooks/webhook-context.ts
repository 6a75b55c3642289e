import type { SmsEvent } from '../events/sms-event';
import type { WebhookSettings } from './read-webhook-handler-options';

/** One verified webhook being handled. */
export interface WebhookContext {
  readonly settings: WebhookSettings;
  /** The provider id messages are recorded under (`twilio`, `telnyx`, or the configured one). */
  readonly providerId: string;
  readonly request: Request;
  /** Per-message serialisation for stores without `update`. */
  readonly locks: Map<string, Promise<unknown>>;
}

/**
 * Publishes after the webhook is recorded. A failure is reported, not thrown: the record stands and
 * the provider gets its 2xx, as `SMSService` does after a send (docs/architecture.md).
 */
export async function publishWebhookEvent(context: WebhookContext, event: SmsEvent, messageId: string | null): Promise<void> {
  try {
    await context.settings.events.publish(event);
  } catch (error) {
    context.settings.onError(error, { stage: 'events', provider: context.providerId, messageId });
  }
}
