import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A claimed Idempotency-Key and, once the request succeeded, the response to replay (API.md). */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** `user:<id>` or `api_key:<id>`: keys are per principal. */
  @PrimaryColumn('text') principal!: string;
  /** sha256 of principal and key: the key itself is never stored (it unseals the response). */
  @PrimaryColumn('text') key!: string;
  /** HMAC of method, path and canonical body. */
  @Column('text') fingerprint!: string;
  @Column('text') method!: string;
  @Column('text') path!: string;
  @Column('text', { default: 'in_progress' }) status!: 'in_progress' | 'committed' | 'completed';
  @Column('int', { nullable: true }) responseStatus!: number | null;
  /** The response body, sealed (AES-256-GCM) with a key derived from the Idempotency-Key. */
  @Column('jsonb', { nullable: true }) responseBody!: unknown;
  /** ETag and Location of the response: replayed in clear. */
  @Column('jsonb', { nullable: true }) responseHeaders!: Record<string, string> | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ type: 'timestamptz', precision: 3 }) expiresAt!: Date;
}
