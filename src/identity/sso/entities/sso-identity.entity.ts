import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Links a user to their account at an OpenID provider: (issuer, subject) is the stable identity an
 * ID token proves — unlike the email, which the provider may change or not have verified.
 */
@Entity('sso_identity')
export class SsoIdentity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('text') issuer!: string;
  @Column('text') subject!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz') lastLoginAt!: Date;
}
