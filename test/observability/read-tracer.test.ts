import { describe, expect, it } from 'vitest';
import { readTracer } from '../../src/observability/read-tracer';
import { inMemoryTracing } from '../support/in-memory-tracing';

describe('readTracer', () => {
  it('passes a tracer through and undefined as undefined', () => {
    const { tracer } = inMemoryTracing();
    expect(readTracer('options.tracer', tracer)).toBe(tracer);
    expect(readTracer('options.tracer', undefined)).toBeUndefined();
  });

  it.each([{}, null, 'tracer', { startActiveSpan: 1 }])('refuses %j naming the field and the fix', (value) => {
    expect(() => readTracer('options.tracer', value)).toThrow(/^options\.tracer: is not an OpenTelemetry tracer \(it has no startActiveSpan\)\. Fix: pass trace\.getTracer\('sms'\) from @opentelemetry\/api, or omit it\.$/);
  });
});
