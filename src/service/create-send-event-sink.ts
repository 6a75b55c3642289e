import type { Clock } from '../clock';
import type { SmsError } from '../errors/sms-error';
import { createResultEvent } from '../events/create-result-event';
import { createRetryingEvent } from '../events/create-retrying-event';
import type { EventPublisher } from '../events/event-publisher';
import { takeResultEvent } from '../events/result-event-capture';
import type { SmsEvent, SmsResultEvent } from '../events/sms-event';
import type { ProviderRetry } from '../failover/reliable-send-options';
import type { SendRequest } from '../messages/send-request';
import type { SendFacts } from './send-facts';
import type { BackgroundErrorContext } from './sms-service-options';

export interface SendEventSinkOptions {
  readonly publisher: EventPublisher;
  readonly clock: Clock;
  readonly generateId: () => string;
  readonly onBackgroundError: (error: unknown, context: BackgroundErrorContext) => void;
}

/**
 * Every event of one send, in one place: `sms.retrying` before each retry, then one `sms.sent` or
 * `sms.failed`. A terminal event goes to a capture around the send when there is one (the platform
 * worker's, `captureResultEvent`), else to the publisher. Publishing never fails the send: a message the
 * provider accepted is reported sent even if the bus is down, so the failure goes to `onBackgroundError`.
 */
export interface SendEventSink {
  retrying(facts: Pick<SendFacts, 'request' | 'analysis'>, retry: ProviderRetry): Promise<void>;
  /** The outcome of a send that reached the provider port. */
  finished(facts: SendFacts): Promise<void>;
  /** A request refused before any provider call: only what the raw input safely says is known. */
  refused(input: SendRequest, error: SmsError): Promise<void>;
}

/** `createdAt`: epoch milliseconds when `send()` was called, the time of a refusal's event. */
export function createSendEventSink(messageId: string, createdAt: number, options: SendEventSinkOptions): SendEventSink {
  const { publisher, clock, generateId, onBackgroundError } = options;
  const publish = async (event: SmsEvent): Promise<void> => {
    try {
      await publisher.publish(event);
    } catch (error) {
      onBackgroundError(error, { stage: 'events', messageId });
    }
  };
  const publishResult = (event: SmsResultEvent): Promise<void> => (takeResultEvent(event) ? Promise.resolve() : publish(event));

  return {
    retrying: ({ request, analysis }, retry) =>
      publish(
        createRetryingEvent({
          eventId: generateId(),
          messageId,
          correlationId: request.correlationId ?? messageId,
          tenantId: request.tenantId,
          timestamp: clock.now(),
          to: request.to,
          from: request.from,
          segments: analysis.segments,
          encoding: analysis.encoding,
          metadata: request.metadata,
          retry,
        }),
      ),
    finished: ({ request, analysis, outcome, finishedAt }) => {
      const accepted = 'accepted' in outcome ? outcome : undefined;
      const error = 'error' in outcome ? outcome.error : undefined;
      return publishResult(
        createResultEvent({
          eventId: generateId(),
          messageId,
          correlationId: request.correlationId ?? messageId,
          tenantId: request.tenantId,
          timestamp: finishedAt,
          to: request.to,
          from: accepted?.accepted.from ?? request.from,
          provider: accepted?.provider ?? error?.provider,
          providerMessageId: accepted?.accepted.providerMessageId,
          cost: accepted?.cost ?? null,
          segments: analysis.segments,
          encoding: analysis.encoding,
          metadata: request.metadata,
          error,
        }),
      );
    },
    refused: (input, error) => {
      const raw = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof SendRequest, unknown>>;
      const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= 255 ? value : undefined);
      return publishResult(
        createResultEvent({
          eventId: generateId(),
          messageId,
          correlationId: text(raw.correlationId) ?? messageId,
          tenantId: text(raw.tenantId),
          timestamp: createdAt,
          to: undefined,
          from: undefined,
          provider: undefined,
          providerMessageId: undefined,
          cost: null,
          segments: undefined,
          encoding: undefined,
          metadata: {},
          error,
        }),
      );
    },
  };
}
