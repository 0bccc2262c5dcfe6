export * from './errors';
export { ConfigError, parseEnv, baseEnv, nameUrlPairs, port } from './env';
export { createLogger, type Logger } from './logger';
export {
  createHttpServer,
  listen,
  closeServer,
  sendJson,
  readBody,
  type Routes,
  type RouteHandler,
} from './http';
export { createGraphQLHandler } from './graphql-handler';
export { requestIdOf, REQUEST_ID_HEADER } from './request-id';
export * from './auth';
export { Resources, closeOnSignals } from './lifecycle';
export { apolloDefaults, errorMaskingPlugin, type RequestContext } from './apollo-plugins';
export { validateInput } from './validation';
export { createRateLimiter, type RateLimiter, type RateRule, type RateState } from './rate-limiter';
export { createTokenBuckets, type BucketAnswer, type BucketRule, type TokenBuckets } from './token-bucket';
export { ServiceMetrics } from './metrics';
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
