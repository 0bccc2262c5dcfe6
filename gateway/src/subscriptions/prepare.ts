import { createHash } from 'node:crypto';
import {
  type DocumentNode,
  type FormattedExecutionResult,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { SchemaAuthorization } from '../authorization/plugin';
import type { OperationCost } from '../limits/cost/plugin';
import type { GatewayContext } from '../context';
import type { PersistedOperations } from '../limits/persisted-operations';
import { scopesOf } from '../authorization/scopes';
import type { SubscriptionPlanner } from './planner';
import type { SubscriptionHub } from './subscription-hub';

export interface SubscribeInput {
  document: DocumentNode;
  /** The document as the client sent it (for the safelist). */
  source: string;
  operationName?: string;
  variables?: Record<string, unknown> | null;
  context: GatewayContext;
}

export type Prepared =
  | { kind: 'subscription'; events: AsyncIterableIterator<FormattedExecutionResult> }
  | { kind: 'errors'; errors: GraphQLError[] }
  /** A query or mutation: run by Apollo Server like any HTTP request. */
  | { kind: 'operation' };

export interface SubscriptionGate {
  planner: SubscriptionPlanner;
  authorization: SchemaAuthorization;
  hub: SubscriptionHub;
  validationRules: ValidationRule[];
  /** The parser's token limit (`MAX_TOKENS`), as for HTTP operations. */
  maxTokens: number;
  /** The estimated-cost and list-size limits, as for HTTP operations. */
  cost?: OperationCost;
  /** Safelist mode: only these operations may run. */
  safelist?: PersistedOperations;
}

/**
 * Everything a subscription goes through before it reaches a subgraph, whatever the
 * transport (graphql-ws or SSE): the safelist, validation with the gateway's limits,
 * variable coercion, schema authorization (a refused root field refuses the subscription;
 * refused nested fields are null with an error in every event), then the shared upstream.
 */
/**
 * Parses a document sent on a subscription transport, within the token limit. Identical
 * documents (every admin on one feed) share one parsed, immutable document.
 */
export function parseOperation(gate: SubscriptionGate, source: string): DocumentNode | GraphQLError {
  let document = parsedDocuments.get(source);
  if (document) return document;
  try {
    document = parse(source, { maxTokens: gate.maxTokens });
  } catch (error) {
    return new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  }
  if (source.length <= PARSED_CACHE_MAX_SOURCE) {
    if (parsedDocuments.size >= PARSED_CACHE_SIZE) parsedDocuments.clear();
    parsedDocuments.set(source, document);
  }
  return document;
}

const PARSED_CACHE_SIZE = 256;
const PARSED_CACHE_MAX_SOURCE = 16_384;
const parsedDocuments = new Map<string, DocumentNode>();

/**
 * Validation errors of a parsed document on the gate's current API schema. Identical
 * subscriptions share one parsed document (see parseOperation), so a thousand admins opening
 * the same feed validate it once rather than a thousand times.
 */
function validateOnce(
  gate: SubscriptionGate,
  schema: GraphQLSchema,
  document: DocumentNode,
): readonly GraphQLError[] {
  let cache = validations.get(gate);
  if (cache?.schema !== schema) validations.set(gate, (cache = { schema, errors: new WeakMap() }));
  let errors = cache.errors.get(document);
  if (!errors) {
    errors = validate(schema, document, [...specifiedRules, ...gate.validationRules]);
    cache.errors.set(document, errors);
  }
  return errors;
}

const validations = new WeakMap<
  SubscriptionGate,
  { schema: GraphQLSchema; errors: WeakMap<DocumentNode, readonly GraphQLError[]> }
>();

export function prepareSubscription(gate: SubscriptionGate, input: SubscribeInput): Prepared {
  const { apiSchema } = gate.planner.current();
  const operation = getOperationAST(input.document, input.operationName);
  if (operation && operation.operation !== 'subscription') return { kind: 'operation' };
  if (gate.safelist && !gate.safelist.has(input.source)) {
    return refuse('Only registered operations may run on this server', 'PERSISTED_QUERY_NOT_ALLOWED');
  }
  const validationErrors = validateOnce(gate, apiSchema, input.document);
  if (validationErrors.length) {
    return {
      kind: 'errors',
      errors: validationErrors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')),
    };
  }
  if (!operation) return refuse('Unable to identify the operation', 'BAD_REQUEST');
  const coerced = getVariableValues(apiSchema, operation.variableDefinitions ?? [], input.variables ?? {});
  if (coerced.errors) {
    return { kind: 'errors', errors: coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')) };
  }
  const variables = input.variables ?? {};
  try {
    gate.cost?.check({ schema: apiSchema, document: input.document, operation, variables });
  } catch (error) {
    if (error instanceof GraphQLError) return { kind: 'errors', errors: [error] };
    throw error;
  }
  const { viewer } = input.context;
  const authorized = gate.authorization.authorize({
    schema: apiSchema,
    document: input.document,
    operation,
    variables,
    viewer,
  });
  // A subscription has one root field: refused, there is nothing left to subscribe to.
  const rootDenial = [...authorized.plan.cut].find(
    ([field, denial]) =>
      denial.coordinate.startsWith('Subscription.') || operation.selectionSet.selections.includes(field),
  );
  if (rootDenial) return refuse(rootDenial[1].message, rootDenial[1].code);

  const rootField = rootFieldOf(operation);
  // Subscriptions guarded by scopes serve everyone holding the same scopes alike; any other
  // may depend on who asks, so only the same user shares it.
  const scope = gate.authorization.requiresScopes(`Subscription.${rootField}`)
    ? `scopes:${[...scopesOf(viewer?.role ?? 'user')].sort().join(',')}`
    : `user:${viewer?.id ?? ''}`;
  const key = createHash('sha256')
    .update(printed(authorized.document))
    .update(`\0${input.operationName ?? ''}\0${stableJson(variables)}\0${scope}`)
    .digest('hex');
  try {
    const events = gate.hub.subscribe({
      key,
      document: authorized.document,
      operationName: input.operationName,
      variables,
      context: input.context,
      completion: authorized.rewritten ? authorized.plan : undefined,
    });
    return { kind: 'subscription', events };
  } catch (error) {
    input.context.log.warn({ err: error }, 'subscription could not be planned');
    return refuse('This subscription cannot be planned on the current schema', 'BAD_REQUEST');
  }
}

/** The printed document, once per document: unless authorization cut fields, subscribers share it. */
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

const printedDocuments = new WeakMap<DocumentNode, string>();

function rootFieldOf(operation: OperationDefinitionNode): string | undefined {
  const [first] = operation.selectionSet.selections;
  return first?.kind === 'Field' ? first.name.value : undefined;
}

function refuse(message: string, code: string): Prepared {
  return { kind: 'errors', errors: [new GraphQLError(message, { extensions: { code } })] };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/** JSON with object keys sorted, so equal variables give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
