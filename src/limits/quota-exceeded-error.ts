import type { SmsErrorReason } from '../errors/error-reason';
import { SmsError } from '../errors/sms-error';
import { createErrorMarker } from '../errors/error-marker';

const marker = createErrorMarker('QuotaExceededError');

/**
 * Which limit refused a send: a tenant window, an abuse guard (docs/quotas.md#abuse-guards) or a
 * sender's pacing queue.
 */
export type QuotaWindowName = 'hourly' | 'daily' | 'destination' | 'prefix' | 'sender';

export interface QuotaExceededErrorOptions {
  window: QuotaWindowName;
  /** The window's limit, in `unit`. */
  limit: number;
  /** What the limit counts. */
  unit: 'messages' | 'segments';
  /** Milliseconds until the send can pass; undefined when it never can (its cost is above the limit). */
  retryAfterMs: number | undefined;
  /** End of the refusing window (epoch ms), or null when unknown. */
  resetAt: number | null;
  /** Log-safe description of what reached the limit: `tenant "org-1"`, `destination +1415•••0100`. */
  subject: string;
  tenantId?: string;
  /** For a sender queue: the provider the sender belongs to. */
  provider?: string;
}

const reasons: Record<QuotaWindowName, SmsErrorReason> = {
  hourly: 'TENANT_QUOTA_EXCEEDED',
  daily: 'TENANT_QUOTA_EXCEEDED',
  destination: 'DESTINATION_LIMIT_EXCEEDED',
  prefix: 'PREFIX_LIMIT_EXCEEDED',
  sender: 'SENDER_QUEUE_FULL',
};

/**
 * A send refused by this library's own limits, before any provider was asked to send it: code
 * `RATE_LIMITED`, `retryAfterMs` until it can pass, and `window` naming the limit that refused it. A
 * refused send is charged to no window. A failure of the limit store is never reported this way
 * (docs/quotas.md#when-redis-fails): the insurance limiter answers instead.
 *
 * @example
 * try {
 *   await sms.send({ to: '+14155550100', body: 'Hi', tenantId: 'org-1' });
 * } catch (error) {
 *   if (QuotaExceededError.isInstance(error)) retryLater(error.retryAfterMs, error.window);
 * }
 */
export class QuotaExceededError extends SmsError {
  readonly window: QuotaWindowName;
  readonly limit: number;
  /** ISO 8601 end of the refusing window, or null when unknown. */
  readonly resetAt: string | null;
  readonly tenantId: string | undefined;

  constructor(options: QuotaExceededErrorOptions) {
    const neverFits = options.retryAfterMs === undefined;
    super({
      code: 'RATE_LIMITED',
      reason: neverFits ? 'COST_ABOVE_LIMIT' : reasons[options.window],
      message: neverFits
        ? `The send costs more than the ${describeWindow(options.window)} limit of ${options.limit} ${options.unit} of ${options.subject}; it can never pass. Fix: shorten the message or raise the limit.`
        : `${capitalise(options.subject)} reached its ${describeWindow(options.window)} limit of ${options.limit} ${options.unit}; retry in ${formatDuration(options.retryAfterMs ?? 0)}.`,
      retryable: !neverFits,
      // The request exceeded a limit of ours, not a provider's: never retried on its own, never counted
      // by a circuit breaker, never moved to another provider (it would change the sender).
      fault: 'request',
      provider: options.provider,
      retryAfterMs: options.retryAfterMs,
    });
    this.name = 'QuotaExceededError';
    marker.mark(this);
    this.window = options.window;
    this.limit = options.limit;
    this.resetAt = options.resetAt === null ? null : new Date(options.resetAt).toISOString();
    this.tenantId = options.tenantId;
  }

  static override isInstance(value: unknown): value is QuotaExceededError {
    return marker.isMarked(value);
  }

  override toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { ...super.toJSON(), window: this.window, limit: this.limit, resetAt: this.resetAt };
    if (this.tenantId !== undefined) json.tenantId = this.tenantId;
    return json;
  }
}

function describeWindow(window: QuotaWindowName): string {
  switch (window) {
    case 'hourly':
    case 'daily':
      return window;
    case 'destination':
      return 'per-destination';
    case 'prefix':
      return 'per-prefix';
    case 'sender':
      return 'pacing queue';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `950 ms`, `42 s`, `3 min 20 s`, `2 h 5 min`: rounded up, so a retry after it never comes too early. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.ceil(milliseconds)} ms`;
  const seconds = Math.ceil(milliseconds / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
