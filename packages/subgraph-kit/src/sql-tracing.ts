import { type Span, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { MikroORM } from '@mikro-orm/postgresql';
import { errorType } from '@lattice/server-kit';

interface KnexQuery {
  __knexQueryUid?: string;
  sql?: string;
  method?: string;
}

/**
 * One CLIENT span per SQL statement, child of whatever span is active when knex sends it
 * (the subgraph's request span while serving a request). The statement is recorded with every
 * literal replaced by `?` (MikroORM inlines some values, e.g. the keys of batched loads), so
 * no value — email, token hash, id — reaches a span.
 */
export function traceSql(orm: MikroORM, tracer: Tracer, schema: string): void {
  const knex = orm.em.getConnection().getKnex();
  const open = new Map<string, Span>();
  knex.on('query', (query: KnexQuery) => {
    // Statements outside a traced request (migrations, the outbox relay's polling) are not traced.
    if (!query.__knexQueryUid || !trace.getActiveSpan()) return;
    const operation = (query.sql?.trimStart().split(/\s/, 1)[0] || query.method || 'query').toUpperCase();
    const span = tracer.startSpan(`${operation} ${schema}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.namespace': schema,
        'db.operation.name': operation,
        ...(query.sql ? { 'db.query.text': sanitizeSql(query.sql) } : {}),
      },
    });
    open.set(query.__knexQueryUid, span);
  });
  const end = (query: KnexQuery | undefined, failed: unknown) => {
    const uid = query?.__knexQueryUid;
    const span = uid ? open.get(uid) : undefined;
    if (!span) return;
    open.delete(uid!);
    if (failed) {
      span.setAttribute('error.type', errorType(failed));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  knex.on('query-response', (_response: unknown, query: KnexQuery) => end(query, undefined));
  knex.on('query-error', (error: unknown, query: KnexQuery) => end(query, error ?? true));
}

/** The statement with its string and number literals replaced by `?` (OpenTelemetry's sanitization). */
export function sanitizeSql(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, '?').replace(/(?<![\w$".])-?\d+(?:\.\d+)?(?![\w"])/g, '?');
}
