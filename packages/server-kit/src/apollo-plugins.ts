import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ErrorCode, isPublicCode, maskError } from './errors';
import { requestScopePlugin } from './log-context';
import { REQUEST_ID_HEADER } from './request-id';

export interface RequestContext extends BaseContext {
  requestId: string;
  log: Logger;
}

/**
 * Logs every error that is not part of the public catalogue with the request id, then
 * replaces it in the response by an INTERNAL_SERVER_ERROR carrying that request id. Also
 * echoes the request id as a response header.
 */
export function errorMaskingPlugin<T extends RequestContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (!isPublicCode(code) || code === ErrorCode.Internal) {
              contextValue.log.error(
                { err: error.originalError ?? error, path: error.path },
                'internal error',
              );
            }
          }
        },
        async willSendResponse({ response }) {
          response.http.headers.set(REQUEST_ID_HEADER, contextValue.requestId);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
              withRequestId(error, contextValue.requestId),
            );
          }
        },
      };
    },
  };
}

function withRequestId(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  if (error.extensions?.code !== ErrorCode.Internal) return error;
  return {
    ...error,
    message: `Internal server error (request id ${requestId})`,
    extensions: { ...error.extensions, requestId },
  };
}

/**
 * What every Lattice Apollo Server shares: the operation name in log lines and spans, masked
 * errors with request ids, no stack traces, no CDN landing page, and no signal handlers of its own (shutdown order is Lattice's:
 * HTTP first, then Apollo).
 */
export function apolloDefaults<T extends RequestContext>(extraPlugins: ApolloServerPlugin<T>[] = []) {
  return {
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [
      requestScopePlugin<T>(),
      errorMaskingPlugin<T>(),
      ApolloServerPluginLandingPageDisabled(),
      ...extraPlugins,
    ],
  };
}
