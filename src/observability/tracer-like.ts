/**
 * What the library needs of an OpenTelemetry tracer (`trace.getTracer('…')` from `@opentelemetry/api`
 * satisfies it): typed structurally, so the library never imports `@opentelemetry/api` itself and a host
 * without OpenTelemetry loads nothing (docs/observability.md).
 */
export interface TracerLike {
  startActiveSpan<Result>(name: string, options: SpanOptionsLike, run: (span: SpanLike) => Result): Result;
}

export interface SpanOptionsLike {
  /** `SpanKind`: 0 internal, 2 client (https://opentelemetry.io/docs/specs/otel/trace/api/#spankind). */
  readonly kind?: number;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

export interface SpanLike {
  setAttribute(key: string, value: string | number | boolean): unknown;
  /** `SpanStatusCode`: 1 ok, 2 error (https://opentelemetry.io/docs/specs/otel/trace/api/#set-status). */
  setStatus(status: { readonly code: number; readonly message?: string }): unknown;
  end(): void;
}

/** OpenTelemetry's `SpanKind` and `SpanStatusCode` values used here. */
export const SPAN_KIND = { internal: 0, client: 2 } as const;
export const SPAN_STATUS = { ok: 1, error: 2 } as const;
