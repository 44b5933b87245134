import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A claimed Idempotency-Key and, once the request succeeded, the response to replay (API.md). */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** `user:<id>` or `api_key:<id>`: keys are per principal. */
  @PrimaryColumn('text') principal!: string;
  @PrimaryColumn('text') key!: string;
  /** sha256 of method, path and canonical body. */
  @Column('text') fingerprint!: string;
  @Column('text') method!: string;
  @Column('text') path!: string;
  @Column('text', { default: 'in_progress' }) status!: 'in_progress' | 'completed';
  @Column('int', { nullable: true }) responseStatus!: number | null;
  @Column('jsonb', { nullable: true }) responseBody!: unknown;
  @Column('jsonb', { nullable: true }) responseHeaders!: Record<string, string> | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ type: 'timestamptz', precision: 3 }) expiresAt!: Date;
}
