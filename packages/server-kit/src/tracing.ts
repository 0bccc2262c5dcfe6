import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry tracing, on only when an OTLP endpoint is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`). Otherwise the SDK is
 * never loaded, no context manager or propagator is installed and every call below is a
 * cheap no-op.
 *
 * Each service (the gateway, each subgraph) has its own tracer provider and resource, so
 * `npm start`, which runs them all in one process, still reports `gateway`, `identity`,
 * `accounts`... as distinct services. The gateway's provider is also the global one, so the
 * spans @apollo/gateway makes itself (`gateway.request`, `gateway.plan`, `gateway.fetch`)
 * land in the gateway's service.
 */
export interface ServiceTracing {
  /** Undefined when tracing is off: callers skip all span work. */
  tracer: Tracer | undefined;
  /** Exports the spans still buffered (called when the service closes). */
  flush(): Promise<void>;
}

const OFF: ServiceTracing = { tracer: undefined, flush: async () => undefined };
const providers = new Map<string, BasicTracerProvider>();
let installed = false;

/** Whether the environment asks for traces (an OTLP endpoint is set and the SDK is not disabled). */
export function tracingConfigured(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT);
}

/**
 * The tracing of one service, named `service` unless `OTEL_SERVICE_NAME` says otherwise.
 * Spans are batched (`OTEL_BSP_*`) and sent as OTLP/HTTP JSON; sampling follows
 * `OTEL_TRACES_SAMPLER` (default: parent-based, always on).
 */
export async function startTracing(
  service: string,
  options: { global?: boolean } = {},
): Promise<ServiceTracing> {
  if (!tracingConfigured()) return OFF;
  let provider = providers.get(service);
  if (!provider) {
    provider = await createProvider(service);
    providers.set(service, provider);
  }
  if (!installed) {
    installed = true;
    const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
    const { W3CTraceContextPropagator } = await import('@opentelemetry/core');
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  }
  // Only the first global registration takes (the API refuses to replace it).
  if (options.global) trace.setGlobalTracerProvider(provider);
  const tracerProvider = provider;
  return {
    tracer: provider.getTracer('@lattice/server-kit'),
    flush: () => tracerProvider.forceFlush(),
  };
}

async function createProvider(service: string): Promise<BasicTracerProvider> {
  const [{ BasicTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the env detector) win over the defaults.
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': service, 'service.namespace': 'lattice' }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  return new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
}

const headerGetter = {
  keys: (carrier: Record<string, string | string[] | undefined>) => Object.keys(carrier),
  get: (carrier: Record<string, string | string[] | undefined>, key: string) => carrier[key],
};

/**
 * Starts the SERVER span of an incoming HTTP request, continuing the caller's W3C
 * `traceparent` when there is one, and runs `handle` with it active.
 */
export async function inServerSpan<T>(
  tracer: Tracer,
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
  handle: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers, headerGetter);
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => handle(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', errorType(error));
    throw error;
  } finally {
    span.end();
  }
}

/** Writes the active span's `traceparent` (and `tracestate`) into outgoing request headers. */
export function injectTraceContext(headers: { set(name: string, value: string): unknown }): void {
  propagation.inject(context.active(), headers, {
    set: (carrier, key, value) => carrier.set(key, value),
  });
}

/** The trace and span ids of the active span, for log lines. */
export function activeSpanIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** A low-cardinality name for an error (its class or code), never its message. */
export function errorType(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'Error';
}
