import { executeQueryPlan, type GraphQLDataSource } from '@apollo/gateway';
import type { DocumentNode, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ErrorCode, type Logger, maskError } from '@lattice/server-kit';
import type { CompletionPlan } from '../authorization/rewrite';
import { completeResult } from '../authorization/result';
import { SUBGRAPH_UNAVAILABLE } from '../upstream/unavailable';
import type { GatewayContext } from '../context';
import { ClientQueue } from './client-queue';
import { shapeWholeEvent } from './event-shaping';
import type { SubscriptionMetrics } from './metrics';
import { EVENT_SOURCE, type SubscriptionPlan, type SubscriptionPlanner } from './planner';
import { openUpstream, type Upstream } from './upstream';

/** A client subscription, after validation and authorization. */
export interface SubscriptionRequest {
  /** Identical subscriptions (document, variables, authorization scope) share this key. */
  key: string;
  /** The document to run: the client's, minus any fields authorization cut. */
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
  context: GatewayContext;
  /** Fields authorization cut, answered null with an error in every event. */
  completion?: CompletionPlan;
}

/** Where the subgraphs are: the gateway's data sources and URLs, current after reloads. */
export interface SubgraphDirectory {
  dataSources(): Readonly<Record<string, GraphQLDataSource<GatewayContext>>>;
  url(subgraph: string): string | undefined;
  /** SUBGRAPH_SECRET: the gateway signs its connections to subgraphs with it. */
  signingSecret?: string;
}

export interface SharedSubscriptionDeps {
  planner: SubscriptionPlanner;
  directory: SubgraphDirectory;
  metrics: SubscriptionMetrics;
  log: Logger;
  queueCapacity: number;
  /** Called once the last subscriber left or the subscription ended. */
  onClosed: () => void;
}

type Member = { queue: ClientQueue<FormattedExecutionResult>; context: GatewayContext };

/**
 * One upstream subscription shared by every client that asked for the same thing. Each
 * event is resolved once through the query plan (fields of other subgraphs fetched with the
 * freshest subscriber's credentials, all subscribers sharing one authorization scope) and
 * queued to every subscriber, in the order the subgraph sent them.
 */
export class SharedSubscription {
  private readonly members = new Set<Member>();
  private plan: SubscriptionPlan;
  private upstream: Upstream | undefined;
  private target = '';
  private delivery: Promise<void> = Promise.resolve();
  private closed = false;
  private reconnecting = false;
  private resolvedAs: { member: GatewayContext; context: GatewayContext } | undefined;
  private longestLasting: GatewayContext | undefined;

  constructor(
    private readonly request: SubscriptionRequest,
    private readonly deps: SharedSubscriptionDeps,
  ) {
    // Throws when the operation cannot be planned: the caller answers with the error.
    this.plan = deps.planner.plan(request.document, request.operationName);
  }

  get size(): number {
    return this.members.size;
  }

  /** A new subscriber: its own queue, fed from the shared upstream. */
  join(context: GatewayContext): ClientQueue<FormattedExecutionResult> {
    const member: Member = {
      context,
      queue: new ClientQueue<FormattedExecutionResult>(
        this.deps.queueCapacity,
        () => this.deps.metrics.dropped.inc(),
        () => this.leave(member),
      ),
    };
    this.members.add(member);
    if (!this.longestLasting || lastsLonger(context, this.longestLasting)) this.longestLasting = context;
    this.deps.metrics.active.inc();
    if (!this.upstream) this.connect();
    return member.queue;
  }

  /** The supergraph changed: plan again, and move upstream only if what it asks changed. */
  replan(): void {
    if (this.closed) return;
    let plan: SubscriptionPlan;
    try {
      plan = this.deps.planner.plan(this.request.document, this.request.operationName);
    } catch (error) {
      this.deps.log.warn({ err: error }, 'subscription no longer valid on the new supergraph');
      this.finish([
        new GraphQLError('This subscription is no longer valid on the current schema', {
          extensions: { code: ErrorCode.BadUserInput },
        }).toJSON(),
      ]);
      return;
    }
    this.plan = plan;
    if (this.targetOf(plan) !== this.target) this.connect();
  }

  /** Ends every subscriber (gateway shutdown). */
  close(): void {
    this.finish();
  }

  private leave(member: Member): void {
    if (!this.members.delete(member)) return;
    if (member.context === this.longestLasting) this.longestLasting = this.findLongestLasting();
    this.deps.metrics.active.dec();
    if (this.members.size === 0) this.finish();
  }

  private connect(): void {
    const plan = this.plan;
    const url = this.deps.directory.url(plan.primary.serviceName);
    this.upstream?.close();
    this.upstream = undefined;
    if (!url) {
      this.finish([unavailable(plan.primary.serviceName)]);
      return;
    }
    if (this.target === '') this.deps.metrics.upstreams.inc();
    this.target = this.targetOf(plan);
    const variables: Record<string, unknown> = {};
    for (const name of plan.primary.variableUsages ?? []) {
      if (name in this.request.variables) variables[name] = this.request.variables[name];
    }
    this.upstream = openUpstream({
      url,
      query: plan.primary.operation,
      operationName: plan.primary.operationName,
      variables,
      authorization: () => this.representative()?.authorization,
      onEvent: (event) => this.receive(event),
      onEnd: (error) => {
        if (error) this.deps.log.warn({ err: error }, 'subgraph ended a subscription');
        const errors = error ? errorsOf(error, plan.primary.serviceName) : undefined;
        // Events still being resolved are delivered before the end.
        void this.delivery.then(() => this.finish(errors));
      },
      onRetry: () => {
        this.deps.metrics.upstreamRetries.inc();
        this.setReconnecting(true);
      },
      onConnected: () => this.setReconnecting(false),
      signingSecret: this.deps.directory.signingSecret,
    });
  }

  private setReconnecting(reconnecting: boolean): void {
    if (reconnecting === this.reconnecting) return;
    this.reconnecting = reconnecting;
    this.deps.metrics.upstreamsDown.inc(reconnecting ? 1 : -1);
  }

  private targetOf(plan: SubscriptionPlan): string {
    const url = this.deps.directory.url(plan.primary.serviceName) ?? '';
    return `${url}\n${plan.primary.operation}`;
  }

  /**
   * The subscriber whose credentials last longest: its token is used upstream. Kept as members
   * join and leave, not looked for at every event.
   */
  private representative(): GatewayContext | undefined {
    return this.longestLasting;
  }

  private findLongestLasting(): GatewayContext | undefined {
    let best: GatewayContext | undefined;
    for (const { context } of this.members) if (!best || lastsLonger(context, best)) best = context;
    return best;
  }

  private receive(event: FormattedExecutionResult): void {
    if (this.closed) return;
    const resolved = this.resolve(event);
    this.delivery = this.delivery.then(async () => this.deliver(await resolved));
  }

  /**
   * The context events are resolved in: the representative's, with a logger that names the
   * operation (as HTTP requests' lines do), made again only when the representative changes.
   */
  private eventContext(): GatewayContext {
    const member = this.representative() ?? this.request.context;
    if (this.resolvedAs?.member !== member) {
      const log = member.log.child({ operationName: this.request.operationName ?? null });
      this.resolvedAs = { member, context: { ...member, log } };
    }
    return this.resolvedAs.context;
  }

  private async resolve(event: FormattedExecutionResult): Promise<FormattedExecutionResult> {
    const context = this.eventContext();
    const plan = this.plan;
    try {
      // An event that carries everything: shaped for the client without the plan's execution.
      const whole = plan.eventOnly && shapeWholeEvent(plan.eventOnly, this.request.variables, event);
      if (whole) return this.complete(whole, []);
      const { apiSchemaInternal, supergraphSchema } = this.deps.planner.current();
      const eventSource: GraphQLDataSource<GatewayContext> = {
        process: async () => ({ data: event.data ?? null, errors: event.errors as GraphQLError[] }),
      };
      const serviceMap = { ...this.deps.directory.dataSources(), [EVENT_SOURCE]: eventSource };
      const requestContext = {
        request: {
          query: '',
          variables: this.request.variables,
          operationName: this.request.operationName,
        },
        document: this.request.document,
        operationName: this.request.operationName ?? null,
        context,
        logger: context.log,
        metrics: {},
        cache: undefined,
        overallCachePolicy: undefined,
      };
      const result = await executeQueryPlan(
        plan.eventPlan,
        serviceMap,
        requestContext as unknown as Parameters<typeof executeQueryPlan>[2],
        plan.operationContext,
        supergraphSchema,
        apiSchemaInternal,
      );
      return this.complete(
        result.data as Record<string, unknown> | null | undefined,
        (result.errors ?? []).map(formatError),
      );
    } catch (error) {
      context.log.error({ err: error }, 'subscription event could not be resolved');
      return {
        data: null,
        errors: [
          {
            message: 'Internal server error',
            extensions: { code: ErrorCode.Internal, requestId: context.requestId },
          },
        ],
      };
    }
  }

  /** Fields authorization cut are answered null with an error, in every event. */
  private complete(
    data: Record<string, unknown> | null | undefined,
    errors: GraphQLFormattedError[],
  ): FormattedExecutionResult {
    if (this.request.completion) {
      const completed = completeResult(this.request.completion, data);
      data = completed.data;
      errors = [...errors, ...completed.errors];
    }
    return errors.length ? { data, errors } : { data };
  }

  private deliver(result: FormattedExecutionResult): void {
    if (this.closed) return;
    for (const member of this.members) member.queue.push(result);
    this.deps.metrics.delivered.inc(this.members.size);
  }

  private finish(errors?: GraphQLFormattedError[]): void {
    if (this.closed) return;
    this.closed = true;
    this.upstream?.close();
    this.upstream = undefined;
    this.setReconnecting(false);
    if (this.target !== '') this.deps.metrics.upstreams.dec();
    for (const member of this.members) {
      if (errors) member.queue.push({ errors });
      member.queue.end();
      this.deps.metrics.active.dec();
    }
    this.members.clear();
    this.longestLasting = undefined;
    this.deps.onClosed();
  }
}

function lastsLonger(a: GatewayContext, b: GatewayContext): boolean {
  return (a.viewer?.expiresAt ?? 0) > (b.viewer?.expiresAt ?? 0);
}

function formatError(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return maskError(error instanceof GraphQLError ? error.toJSON() : error);
}

function unavailable(subgraph: string): GraphQLFormattedError {
  return {
    message: `Subgraph ${subgraph} is unavailable`,
    extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph },
  };
}

/** What the subgraph sent when it refused the subscription, or a generic unavailability. */
function errorsOf(error: unknown, subgraph: string): GraphQLFormattedError[] {
  if (Array.isArray(error) && error.every((item) => typeof item?.message === 'string')) {
    return (error as GraphQLFormattedError[]).map(maskError);
  }
  return [unavailable(subgraph)];
}
