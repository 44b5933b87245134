import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A sign-in started at GET /auth/sso/login and not yet finished: the PKCE verifier and nonce the
 * callback needs, found by the hash of `state`. Spent at most once (consumedAt), valid a few minutes,
 * and bound to the browser that started it (SHA-256 of a cookie), so a replayed, forged or
 * foreign callback is refused.
 */
@Entity('sso_login_request')
export class SsoLoginRequest {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') stateHash!: string;
  @Column('text') nonce!: string;
  @Column('text') codeVerifier!: string;
  @Column('text') browserBindingHash!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) consumedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
