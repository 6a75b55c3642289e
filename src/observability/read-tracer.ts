import { optionError } from '../options/option-error';
import type { TracerLike } from './tracer-like';

/**
 * The `tracer` option of the service or the webhook handler: undefined, or something with `startActiveSpan`
 * (an OpenTelemetry tracer); anything else is a `ValidationError` naming `field` and the fix.
 *
 * @example
 * readTracer('options.tracer', options.tracer); // the tracer, or undefined
 */
export function readTracer(field: string, value: unknown): TracerLike | undefined {
  if (value === undefined) return undefined;
  if (typeof (value as { startActiveSpan?: unknown } | null)?.startActiveSpan !== 'function') {
    throw optionError(field, 'is not an OpenTelemetry tracer (it has no startActiveSpan).', "pass trace.getTracer('sms') from @opentelemetry/api, or omit it.");
  }
  return value as TracerLike;
}
