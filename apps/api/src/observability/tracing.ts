import { Logger } from '@nestjs/common';
import type { TracingSettings } from '../config/app-config.js';

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces, only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (OTLP over
 * HTTP; the standard OTEL_* variables apply). Without it nothing is loaded and the spans the
 * request hooks open are the API's no-op spans. Spans are opened by our own Fastify hooks
 * (observability.ts) rather than by monkey-patching instrumentations, which need a loader
 * hook under ES modules; they carry route patterns and operation names, never URLs or bodies.
 */
export async function startTracing(settings: TracingSettings | undefined): Promise<Tracing | undefined> {
  if (!settings) return undefined;
  const { url, serviceName } = settings;
  const [{ NodeSDK }, { OTLPTraceExporter }] = await Promise.all([import('@opentelemetry/sdk-node'), import('@opentelemetry/exporter-trace-otlp-http')]);
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter({ url }),
    instrumentations: [],
  });
  sdk.start();
  new Logger('Tracing').log('Exporting traces over OTLP/HTTP');
  return { shutdown: () => sdk.shutdown() };
}
