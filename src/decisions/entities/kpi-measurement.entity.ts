import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One KPI value (DOMAIN.md §7), posted by the team or an integration key with kpis:write. */
@Entity('kpi_measurement')
export class KpiMeasurement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') kpiId!: string;
  @Column('date') measuredOn!: string;
  @Column('numeric') value!: string;
  @Column('text', { default: '' }) note!: string;
  /** Who posted it: a user or an API key (its id), named as the audit trail names actors. */
  @Column('text') recordedByType!: 'user' | 'api_key';
  @Column('uuid') recordedById!: string;
  @Column('text') recordedByName!: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
