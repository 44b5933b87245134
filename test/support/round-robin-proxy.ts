import { Agent, createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal HTTP load balancer on 127.0.0.1: each request goes to the next upstream in turn
 * (round robin, no stickiness), over keep-alive connections like a real proxy. It adds
 * X-Upstream to responses so a test can see who answered, and counts 502s (upstream failures).
 */
export class RoundRobinProxy {
  private server?: Server;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private next = 0;
  readonly served: number[];
  upstreamErrors = 0;
  port = 0;

  constructor(private readonly upstreamPorts: number[]) {
    this.served = upstreamPorts.map(() => 0);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const index = this.next++ % this.upstreamPorts.length;
      const upstream = request(
        { host: '127.0.0.1', port: this.upstreamPorts[index], method: req.method, path: req.url, headers: req.headers, agent: this.agent },
        (up) => {
          this.served[index]++;
          res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-upstream': String(index) });
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        this.upstreamErrors++;
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('bad gateway');
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
