import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One backend of the pool: a name for the figures, and the port it listens on (127.0.0.1). */
export interface Backend {
  name: string;
  port: number;
}

/**
 * A TCP round-robin proxy on 127.0.0.1, as kube-proxy balances a Service: each new connection
 * goes to the next backend of the pool, and stays with it for its whole life (keep-alive
 * requests and WebSockets pass through untouched). Taking a backend out of the pool (its
 * endpoint removed) sends it no new connection; those it holds carry on until either side
 * closes them.
 */
export class RoundRobinProxy {
  private pool: Backend[] = [];
  private next = 0;
  private readonly sockets = new Set<Socket>();
  /** Connections given to each backend, by name. */
  readonly connections = new Map<string, number>();
  /** Connections that found no backend in the pool, or whose backend refused them. */
  refused = 0;

  private constructor(private readonly server: Server) {}

  static async start(backends: Backend[] = []): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server);
    backends.forEach((backend) => proxy.add(backend));
    server.on('connection', (client) => proxy.forward(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `http://127.0.0.1:<port><path>` */
  url(path = ''): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  add(backend: Backend): void {
    this.pool.push(backend);
  }

  remove(name: string): void {
    this.pool = this.pool.filter((backend) => backend.name !== name);
  }

  backends(): string[] {
    return this.pool.map((backend) => backend.name);
  }

  private forward(client: Socket): void {
    this.sockets.add(client);
    client.once('close', () => this.sockets.delete(client));
    const backend = this.pool[this.next++ % Math.max(this.pool.length, 1)];
    if (!backend) {
      this.refused += 1;
      client.destroy();
      return;
    }
    this.connections.set(backend.name, (this.connections.get(backend.name) ?? 0) + 1);
    const upstream = connect(backend.port, '127.0.0.1');
    this.sockets.add(upstream);
    upstream.once('close', () => this.sockets.delete(upstream));
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    upstream.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') this.refused += 1;
      client.destroy();
    });
    client.once('error', () => upstream.destroy());
    // A reset on one side is a reset on the other; an orderly close (FIN) is passed on as one.
    upstream.once('close', (hadError) => (hadError ? client.destroy() : client.end()));
    client.once('close', (hadError) => (hadError ? upstream.destroy() : upstream.end()));
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async close(): Promise<void> {
    this.pool = [];
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
