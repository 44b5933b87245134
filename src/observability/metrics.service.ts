import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

interface PgPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Prometheus metrics. One registry per app instance (tests start several apps in one process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    const pool = (): PgPoolStats | undefined => (dataSource.driver as unknown as { master?: PgPoolStats }).master;
    const poolGauge = (name: string, help: string, read: (p: PgPoolStats) => number): Gauge =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          this.set(p ? read(p) : 0);
        },
      });
    poolGauge('db_pool_connections_total', 'Connections open in the database pool', (p) => p.totalCount);
    poolGauge('db_pool_connections_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    poolGauge('db_pool_requests_waiting', 'Queries waiting for a pool connection', (p) => p.waitingCount);
  }
}
