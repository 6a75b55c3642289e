/** A real OpenTelemetry tracer whose finished spans are kept in memory, with the async-hooks context manager. */
import { context, trace } from '@opentelemetry/api';
import { AsyncHooksContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

const exporter = new InMemorySpanExporter();
let installed = false;

export function inMemoryTracing() {
  if (!installed) {
    context.setGlobalContextManager(new AsyncHooksContextManager().enable());
    installed = true;
  }
  exporter.reset();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('tools-core-test');
  return { tracer, spans: (): ReadableSpan[] => exporter.getFinishedSpans(), trace };
}
