import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { clientCodeOf, ErrorCode, maskError } from './errors';
import { requestScopePlugin } from './log-context';
import { operationResolutionPlugin } from './operation-resolution';
import { REQUEST_ID_HEADER } from './request-id';
import { storableTextPlugin } from './storable-text';

export interface RequestContext extends BaseContext {
  requestId: string;
  log: Logger;
}

/**
 * Logs every error that is not the client's to see (see clientCodeOf) with the request id,
 * then replaces it in the response by an INTERNAL_SERVER_ERROR carrying that request id. The
 * client's mistakes are answered with their code and not logged. Also echoes the request id
 * as a response header.
 */
export function errorMaskingPlugin<T extends RequestContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (clientCodeOf(error) === undefined) {
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
 * HTTP first, then Apollo). Before anything runs, requests whose operation cannot be told or
 * is a subscription are refused, and so is text PostgreSQL cannot store: at the gateway (before
 * planning, so no subgraph is called and nothing is half-written) and again in every subgraph
 * (each owns its data).
 */
export function apolloDefaults<T extends RequestContext>(extraPlugins: ApolloServerPlugin<T>[] = []) {
  return {
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [
      requestScopePlugin<T>(),
      errorMaskingPlugin<T>(),
      operationResolutionPlugin<T>(),
      storableTextPlugin<T>(),
      ApolloServerPluginLandingPageDisabled(),
      ...extraPlugins,
    ],
  };
}
