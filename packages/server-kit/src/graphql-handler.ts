import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { BodyTooLargeError, readBody, sendJson } from './http';

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
}

/**
 * Apollo Server 5 on plain node:http: builds the HTTPGraphQLRequest, runs it and writes the
 * response (single or incremental). Apollo's own checks (CSRF prevention, content types)
 * stay in force because everything goes through executeHTTPGraphQLRequest.
 */
export function createGraphQLHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: GraphQLHandlerOptions<TContext>,
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    try {
      const raw = req.method === 'POST' ? await readBody(req, options.maxBodyBytes) : '';
      body = parseBody(raw, headers.get('content-type'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      if (error instanceof SyntaxError) {
        sendJson(res, 400, {
          errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      throw error;
    }

    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(req),
    });

    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  return raw;
}
