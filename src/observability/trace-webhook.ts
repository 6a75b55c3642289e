import { SPAN_STATUS, type SpanLike, type TracerLike } from './tracer-like';

/** Adds what the handler learns while it reads the request (the provider, the webhook's kind). */
export type AnnotateSpan = (key: string, value: string) => void;

/** `SpanKind.SERVER` (https://opentelemetry.io/docs/specs/otel/trace/api/#spankind). */
const SERVER = 1;

/**
 * Runs one webhook request inside its server span (`sms.webhook`, docs/observability.md#spans): the method,
 * then what the handler annotates (provider, kind) and the response status; the span is an error for a 5xx
 * (a 4xx is the sender's problem: `error.type` says which status). Without a tracer, just runs it.
 *
 * @example
 * return traceWebhook(tracer, request, (annotate) => handle(request, annotate));
 */
export function traceWebhook(tracer: TracerLike | undefined, request: Request, run: (annotate: AnnotateSpan) => Promise<Response>): Promise<Response> {
  if (tracer === undefined) return run(() => undefined);
  return tracer.startActiveSpan('sms.webhook', { kind: SERVER, attributes: { 'http.request.method': request.method } }, async (span: SpanLike) => {
    try {
      const response = await run((key, value) => void span.setAttribute(key, value));
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 400) span.setAttribute('error.type', String(response.status));
      span.setStatus({ code: response.status >= 500 ? SPAN_STATUS.error : SPAN_STATUS.ok });
      return response;
    } finally {
      span.end();
    }
  });
}
