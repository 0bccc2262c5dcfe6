export * from './errors';
export { ConfigError, parseEnv, baseEnv, nameUrlPairs, port, shutdownIdleDrainMs } from './env';
export { createLogger, type Logger } from './logger';
export {
  createHttpServer,
  KEEP_ALIVE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  streamingRoute,
  listen,
  closeServer,
  sendJson,
  readBody,
  BodyTooLargeError,
  type Routes,
  type RouteHandler,
} from './http';
export { createGraphQLHandler } from './graphql-handler';
export { requestIdOf, REQUEST_ID_HEADER } from './request-id';
export * from './auth';
export { Resources, closeOnSignals } from './lifecycle';
export { apolloDefaults, errorMaskingPlugin, type RequestContext } from './apollo-plugins';
export { validateInput } from './validation';
export { findUnstorableValue } from './storable-text';
export { characters, isVisible, text, textProblem } from './text';
export { clientAddress, TRUST_PEER_ONLY, trustedProxies, type TrustedProxies } from './client-address';
export {
  FORWARDED_HOST_HEADER,
  FORWARDED_PROTO_HEADER,
  forwardedOriginHeaders,
  originOf,
} from './forwarded-origin';
export { createTokenBuckets, type BucketAnswer, type BucketRule, type TokenBuckets } from './token-bucket';
export { createExpiringSet, type ExpiringSet } from './expiring-set';
export { ServiceMetrics, type InternalRequestMetrics } from './metrics';
export { operationOutcome, type OperationOutcome } from './operation-outcome';
export { guardedMetricsRoute, serveMetrics, type MetricsAccess } from './metrics-endpoint';
export {
  checkSignatureHeader,
  signRequest,
  verifyRequest,
  SIGNATURE_CHALLENGE,
  SIGNATURE_HEADER,
  SIGNATURE_WINDOW_SECONDS,
  SUBGRAPH_SECRET_MIN_LENGTH,
  type SignatureCheck,
  type SignedRequest,
} from './gateway-signature';
export {
  currentRequest,
  outsideRequestScope,
  requestLogger,
  requestScopePlugin,
  runInRequestScope,
  type RequestScope,
} from './log-context';
export {
  activeSpanIds,
  errorType,
  injectTraceContext,
  inServerSpan,
  startTracing,
  tracingConfigured,
  type ServiceTracing,
} from './tracing';
