import { SmsError } from '../errors/sms-error';
import type { MessageStatus } from '../messages/message-status';
import type { ProviderMessage, ProviderSendOptions, ProviderSendRequest, ProviderSendResult, SmsProvider, SmsProviderCapabilities } from '../providers/provider';
import type { FakeProviderOutcome } from './fake-provider-outcome';
import { createFakeProviderLedger } from './fake-provider-ledger';

export interface FakeProviderOptions {
  /** Provider id; use `twilio` or `telnyx` to get their default prices. Default `fake`. */
  id?: string;
  /**
   * The script: answers given in order, one per call. A function is asked for each call instead.
   * Once an array is used up every further call is accepted.
   */
  outcomes?: readonly FakeProviderOutcome[] | ((request: ProviderSendRequest, callIndex: number) => FakeProviderOutcome);
  capabilities?: SmsProviderCapabilities;
  /** Where creation times come from, for the provider-side messages. Default: the system clock. */
  clock?: { now(): number };
}

export interface FakeProviderCall {
  readonly request: ProviderSendRequest;
  readonly outcome: FakeProviderOutcome;
}

export interface FakeProvider extends SmsProvider {
  /** Every call, in order, with the outcome it was given. */
  readonly calls: readonly FakeProviderCall[];
  /** Requests that went out to the network: accepted ones and those that timed out after sending. */
  readonly sent: readonly ProviderSendRequest[];
  /** Appends answers to the script. */
  enqueue(...outcomes: FakeProviderOutcome[]): void;
  /**
   * The provider side (reconciliation, docs/reconciliation.md): every message that reached it, accepted or
   * timed out after sending, as `fetchMessage` and `findMessages` answer.
   */
  readonly messages: readonly ProviderMessage[];
  /** Moves a held message on (`delivered`) without any callback, as a carrier does when the webhook is lost. */
  setStatus(providerMessageId: string, status: MessageStatus): void;
  /** Forgets calls, the provider-side messages and the remaining script. */
  reset(): void;
}

/**
 * A provider for tests: no network, records every call, plays a script of outcomes.
 *
 * @example
 * const twilio = createFakeProvider({ id: 'twilio', outcomes: ['timeout-after-send'] });
 * const sms = new SMSService({ providers: [twilio] });
 * await expect(sms.send({ to: '+14155550100', body: 'Hi' })).rejects.toMatchObject({ code: 'TIMEOUT', outcomeUnknown: true });
 * await sms.send({ to: '+14155550100', body: 'Hi again' });
 * twilio.sent.length; // 2: the first may have been delivered, so it counts as sent
 */
export function createFakeProvider(options: FakeProviderOptions = {}): FakeProvider {
  const id = options.id ?? 'fake';
  const calls: FakeProviderCall[] = [];
  const sent: ProviderSendRequest[] = [];
  const script = typeof options.outcomes === 'function' ? options.outcomes : undefined;
  let queue: FakeProviderOutcome[] = Array.isArray(options.outcomes) ? [...options.outcomes] : [];
  let accepted = 0;
  const ledger = createFakeProviderLedger();
  const now = () => new Date((options.clock ?? Date).now()).toISOString();

  const nextOutcome = (request: ProviderSendRequest): FakeProviderOutcome =>
    script !== undefined ? script(request, calls.length) : (queue.shift() ?? 'accept');

  return {
    specificationVersion: 'v1',
    id,
    capabilities: options.capabilities ?? { maxMediaUrls: 10, scheduling: true, validityPeriod: true },
    calls,
    sent,
    get messages() {
      return ledger.messages;
    },
    setStatus: (providerMessageId, status) => ledger.setStatus(providerMessageId, status),
    async fetchMessage({ providerMessageId }) {
      return ledger.fetch(providerMessageId);
    },
    async findMessages(query) {
      return ledger.find(query);
    },
    enqueue(...outcomes) {
      queue.push(...outcomes);
    },
    reset() {
      calls.length = 0;
      sent.length = 0;
      ledger.clear();
      queue = [];
    },
    async send(request: ProviderSendRequest, sendOptions?: ProviderSendOptions): Promise<ProviderSendResult> {
      const outcome = nextOutcome(request);
      calls.push({ request, outcome });
      const answer = typeof outcome === 'string' ? { type: outcome } : outcome;
      switch (answer.type) {
        case 'accept': {
          if ('delayMs' in answer && answer.delayMs !== undefined) await sleep(answer.delayMs, sendOptions?.signal, id);
          sent.push(request);
          accepted += 1;
          const providerMessageId = ('providerMessageId' in answer ? answer.providerMessageId : undefined) ?? `${id}-${accepted}`;
          const status = ('status' in answer ? answer.status : undefined) ?? 'queued';
          ledger.record(request, providerMessageId, status, now());
          return {
            providerMessageId,
            status,
            ...(request.from === undefined ? {} : { from: request.from }),
            segments: request.segments,
          };
        }
        case 'reject':
          throw new SmsError({
            code: answer.code ?? 'PROVIDER_ERROR',
            reason: answer.reason ?? 'PROVIDER_REJECTED',
            message: answer.message ?? `Fake provider "${id}" rejected the message with code ${answer.providerCode}.`,
            fault: answer.fault ?? 'request',
            retryable: answer.retryable ?? false,
            provider: id,
            providerCode: answer.providerCode,
            httpStatus: answer.httpStatus ?? 400,
          });
        case 'rate-limit':
          throw new SmsError({
            code: 'RATE_LIMITED',
            reason: 'PROVIDER_RATE_LIMITED',
            message: `Fake provider "${id}" answered 429 Too Many Requests.`,
            fault: 'provider',
            retryable: true,
            provider: id,
            httpStatus: 429,
            retryAfterMs: ('retryAfterMs' in answer ? answer.retryAfterMs : undefined) ?? 1000,
          });
        case 'fail-before-send':
          throw new SmsError({
            code: 'PROVIDER_ERROR',
            reason: ('reason' in answer ? answer.reason : undefined) ?? 'CONNECTION_FAILED',
            message: `Fake provider "${id}" could not be reached; nothing was sent.`,
            fault: 'provider',
            retryable: true,
            provider: id,
          });
        case 'timeout-after-send':
        case 'timeout-not-received':
          if (answer.type === 'timeout-after-send') {
            sent.push(request);
            // Its own numbering, so the ids of accepted messages stay `<id>-1`, `<id>-2`, … as before.
            ledger.record(request, `${id}-unanswered-${sent.length}`, 'queued', now());
          }
          throw new SmsError({
            code: 'TIMEOUT',
            reason: 'RESPONSE_TIMEOUT',
            message: `Fake provider "${id}" did not answer after the request was sent; the message may have been delivered.`,
            fault: 'provider',
            retryable: false,
            outcomeUnknown: true,
            provider: id,
          });
      }
    },
  };
}

function sleep(milliseconds: number, signal: AbortSignal | undefined, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(
        new SmsError({
          code: 'TIMEOUT',
          reason: 'ABORTED',
          message: `Fake provider "${id}" was aborted while answering; the message may have been delivered.`,
          fault: 'provider',
          outcomeUnknown: true,
          provider: id,
        }),
      );
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, milliseconds);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}
