/**
 * What the library needs of an OpenTelemetry meter (`metrics.getMeter('sms')` from `@opentelemetry/api`
 * satisfies it), typed structurally so the library never imports `@opentelemetry/api` (docs/observability.md#metrics).
 */
export interface MeterLike {
  createCounter(name: string, options?: InstrumentOptionsLike): { add(value: number, attributes?: MetricAttributes): void };
  createHistogram(name: string, options?: InstrumentOptionsLike): { record(value: number, attributes?: MetricAttributes): void };
}

export interface InstrumentOptionsLike {
  readonly description?: string;
  readonly unit?: string;
  readonly advice?: { readonly explicitBucketBoundaries?: readonly number[] };
}

/** Labels: only bounded values (status, error code, provider, direction), never a tenant, number or id. */
export type MetricAttributes = Readonly<Record<string, string>>;
