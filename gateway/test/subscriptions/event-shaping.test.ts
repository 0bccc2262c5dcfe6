import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { executeQueryPlan, type GraphQLDataSource } from '@apollo/gateway';
import { type FormattedExecutionResult, type GraphQLError, parse } from 'graphql';
import { shapeWholeEvent } from '../../src/subscriptions/event-shaping';
import { declareSecurityFeaturesEnforced } from '../../src/supergraph/security-features';
import { EVENT_SOURCE, SubscriptionPlanner } from '../../src/subscriptions/planner';

// Lattice's own supergraph: the subscriptions clients really send.
const planner = new SubscriptionPlanner();
planner.update(
  declareSecurityFeaturesEnforced(
    readFileSync(join(__dirname, '../../../schema/supergraph.graphql'), 'utf8'),
  ),
);

/** What the gateway answered for an event before the shortcut: the event plan, executed. */
async function executed(query: string, variables: Record<string, unknown>, event: FormattedExecutionResult) {
  const document = parse(query);
  const plan = planner.plan(document, undefined);
  const { apiSchemaInternal, supergraphSchema } = planner.current();
  const eventSource: GraphQLDataSource = {
    process: async () => ({ data: event.data ?? null, errors: event.errors as GraphQLError[] }),
  };
  const requestContext = {
    request: { query: '', variables, operationName: undefined },
    document,
    operationName: null,
    context: {},
    logger: console,
    metrics: {},
  };
  const result = await executeQueryPlan(
    plan.eventPlan,
    { [EVENT_SOURCE]: eventSource },
    requestContext as unknown as Parameters<typeof executeQueryPlan>[2],
    plan.operationContext,
    supergraphSchema,
    apiSchemaInternal,
  );
  return { plan, result };
}

const STREAM = `subscription ($id: ID!) {
  messageStream(conversationId: $id) {
    messageId offset delta
    ... on MessageStreamEvent { text: delta }
    message { id status cost __typename ...M }
  }
}
fragment M on Message { model promptTokens error createdAt }`;

describe('an event that carries the whole result', () => {
  const variables = { id: 'c1' };
  const delta = {
    data: { messageStream: { messageId: 'm1', offset: 3, delta: 'lo', text: 'lo', message: null } },
  };
  const end = {
    data: {
      messageStream: {
        messageId: 'm1',
        offset: 5,
        delta: '',
        text: '',
        message: {
          id: 'm1',
          status: 'COMPLETE',
          cost: '0.000001',
          __typename: 'Message',
          model: 'gpt-4o-mini',
          promptTokens: 12,
          error: null,
          createdAt: '2026-12-03T00:00:00.000Z',
        },
      },
    },
  };

  it.each([
    ['a delta', delta],
    ['the final event', end],
  ])('%s is shaped as executing the plan shapes it', async (_name, event) => {
    const { plan, result } = await executed(STREAM, variables, event);
    expect(plan.eventOnly).toBeDefined();
    expect(result.errors).toBeUndefined();
    expect(shapeWholeEvent(plan.eventOnly!, variables, event)).toEqual(result.data);
  });

  it('what the operation did not ask for is left out, as executing the plan does', async () => {
    const event = {
      data: { messageStream: { ...delta.data.messageStream, extra: 1, message: null }, other: true },
    };
    const { plan, result } = await executed(STREAM, variables, event);
    expect(shapeWholeEvent(plan.eventOnly!, variables, event)).toEqual(result.data);
  });

  it('an event with errors, or without data, takes the full path', () => {
    const plan = planner.plan(parse(STREAM), undefined);
    expect(shapeWholeEvent(plan.eventOnly!, variables, { data: null })).toBeUndefined();
    expect(
      shapeWholeEvent(plan.eventOnly!, variables, { ...delta, errors: [{ message: 'partly failed' }] }),
    ).toBeUndefined();
  });
});

it('an event whose result needs other subgraphs has no shortcut: its plan runs', () => {
  const plan = planner.plan(parse('subscription { feedUpdated { id actor { id email } } }'), undefined);
  expect(plan.eventPlan.node?.kind).toBe('Sequence');
  expect(plan.eventOnly).toBeUndefined();
});
