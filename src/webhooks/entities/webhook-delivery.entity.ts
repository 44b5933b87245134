import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one subscription, retried until it succeeds or the retry window closes. */
@Entity('webhook_delivery')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') subscriptionId!: string;
  @Column('uuid') eventId!: string;
  @Column('text', { default: 'pending' }) status!: DeliveryStatus;
  @Column('int', { default: 0 }) attempts!: number;
  /**
   * The token of the one job allowed to make the next attempt. A manual redelivery replaces it,
   * so a retry scheduled earlier finds itself superseded and does nothing.
   */
  @Column('uuid', { nullable: true }) pendingJobToken!: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastAttemptAt!: Date | null;
  @Column('int', { nullable: true }) lastResponseStatus!: number | null;
  @Column('int', { nullable: true }) lastDurationMs!: number | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

/** The log line of one HTTP attempt. */
@Entity('webhook_delivery_attempt')
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') deliveryId!: string;
  @Column('int') attempt!: number;
  @Column('boolean', { default: false }) manual!: boolean;
  @Column({ type: 'timestamptz', precision: 3 }) startedAt!: Date;
  @Column('int') durationMs!: number;
  @Column('int', { nullable: true }) responseStatus!: number | null;
  @Column('boolean') succeeded!: boolean;
  @Column('text', { nullable: true }) error!: string | null;
}
