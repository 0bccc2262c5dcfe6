import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { EventBus } from '@lattice/events/bus';
import type { Logger, TokenVerifier } from '@lattice/server-kit';
import type { SchemaAuthorization } from '../authorization/plugin';
import type { OperationCost } from '../limits/cost/plugin';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';
import type { Ingress } from '../http/ingress';
import type { PersistedOperations } from '../limits/persisted-operations';
import type { Revocations } from '../revocation';
import { SubscriptionMetrics } from './metrics';
import { SubscriptionPlanner } from './planner';
import type { SubgraphDirectory } from './shared-subscription';
import { sseHandler, wantsEventStream } from './sse';
import { startStatsBroadcast } from './stats-broadcaster';
import { SubscriptionHub } from './subscription-hub';
import { attachWebSocket } from './websocket';

export interface SubscriptionOptions {
  /** Events a subscriber may fall behind before its oldest waiting event is dropped. */
  queueSize: number;
  /** Operations one WebSocket may run at once (each may hold an upstream subscription). */
  perConnection: number;
  /** Largest WebSocket message accepted (MAX_BODY_BYTES); a larger one closes the socket (1009). */
  maxMessageBytes: number;
}

/**
 * Federated subscriptions: planned on the gateway's supergraph, forwarded to the owning
 * subgraph over graphql-ws, each event completed through the query plan, served to clients
 * over graphql-ws and SSE on the GraphQL path.
 */
export class GatewaySubscriptions {
  readonly planner = new SubscriptionPlanner();
  readonly metrics: SubscriptionMetrics;
  readonly hub: SubscriptionHub;

  constructor(
    private readonly deps: {
      directory: SubgraphDirectory;
      authorization: SchemaAuthorization;
      metrics: GatewayMetrics;
      options: SubscriptionOptions;
      log: Logger;
    },
  ) {
    this.metrics = new SubscriptionMetrics(deps.metrics.registry);
    this.hub = new SubscriptionHub({
      planner: this.planner,
      directory: deps.directory,
      metrics: this.metrics,
      log: deps.log,
      queueCapacity: deps.options.queueSize,
    });
  }

  /** A supergraph was loaded: plan on it, and move live subscriptions over to it. */
  update(coreSupergraphSdl: string): void {
    this.planner.update(coreSupergraphSdl);
    this.hub.replanAll();
  }

  /** Starts serving: graphql-ws on `path`, an SSE handler, and stats on the bus if any. */
  serve(options: {
    httpServer: Server;
    path: string;
    apollo: ApolloServer<GatewayContext>;
    verify: TokenVerifier;
    /** Connections whose token is revoked are closed. */
    revocations: Revocations;
    /** Trusted proxies and the public origin: who the client is, as for HTTP operations. */
    ingress: Ingress;
    validationRules: ValidationRule[];
    maxTokens: number;
    cost?: OperationCost;
    safelist?: PersistedOperations;
    bus?: EventBus;
  }) {
    const { log } = this.deps;
    const gate = {
      planner: this.planner,
      authorization: this.deps.authorization,
      hub: this.hub,
      validationRules: options.validationRules,
      cost: options.cost,
      maxTokens: options.maxTokens,
      safelist: options.safelist,
    };
    const transport = {
      gate,
      apollo: options.apollo,
      verify: options.verify,
      revocations: options.revocations,
      ingress: options.ingress,
      metrics: this.metrics,
      log,
    };
    const websocket = attachWebSocket({
      ...transport,
      httpServer: options.httpServer,
      path: options.path,
      perConnection: this.deps.options.perConnection,
      maxPayload: this.deps.options.maxMessageBytes,
    });
    const stats =
      options.bus &&
      startStatsBroadcast({
        bus: options.bus,
        metrics: this.deps.metrics,
        subscribers: () => this.hub.subscriberCount,
        log,
      });
    return {
      sse: sseHandler(transport),
      wantsEventStream,
      /** Ends every subscription (clients are told to go away and reconnect). */
      close: async () => {
        stats?.stop();
        this.hub.close();
        await websocket.close();
      },
    };
  }
}
