import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ProblemError } from '../../common/problem/problem';
import { MeDto, TokenPairDto } from '../dto/identity.dto';
import { OrgUnit } from '../entities/org-unit.entity';
import { RefreshToken } from '../entities/refresh-token.entity';
import { User } from '../entities/user.entity';
import { toUserDto } from '../identity.mappers';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt.strategy';
import { PasswordHasher } from './password-hasher';
import { permissionsForRoles } from './permissions';
import { newSecret, sha256 } from './secret-tokens';

const invalidCredentials = (): ProblemError =>
  new ProblemError(401, 'invalid-credentials', 'Invalid credentials', 'The email or password is incorrect.');
const invalidRefresh = (): ProblemError =>
  new ProblemError(
    401,
    'invalid-refresh-token',
    'Invalid refresh token',
    'The refresh token is unknown, expired or revoked. Sign in again.',
  );

/** Login, refresh-token rotation with reuse detection, logout (API.md "Authentication"). */
@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {
    this.dummyHash = hasher.hash(newSecret(16));
  }

  async login(email: string, password: string): Promise<TokenPairDto> {
    if (!this.config.localPasswordsEnabled) {
      throw new ProblemError(
        403,
        'local-login-disabled',
        'Password sign-in is disabled',
        'Sign in through single sign-on: GET /api/v1/auth/sso/login.',
      );
    }
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), password);
    // Unknown email, wrong password, disabled account and SSO-only account all look the same.
    if (!user || !user.passwordHash || !ok || user.status !== 'active') throw invalidCredentials();
    return this.dataSource.transaction((em) => this.issue(em, user, randomUUID()));
  }

  /** A new token pair (a new refresh family) for a user already authenticated elsewhere (SSO), in the caller's transaction. */
  startSession(em: EntityManager, user: User): Promise<TokenPairDto> {
    return this.issue(em, user, randomUUID());
  }

  async refresh(token: string): Promise<TokenPairDto> {
    let reuse = false;
    const result = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(RefreshToken);
      const row = await repo.findOne({ where: { tokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } });
      if (!row) return undefined;
      if (row.usedAt || row.revokedAt) {
        // A spent token came back: someone holds a copy. Revoke the whole family.
        reuse = row.usedAt !== null;
        await this.revokeFamily(em, row.familyId);
        return undefined;
      }
      const user = await em.getRepository(User).findOneBy({ id: row.userId });
      if (row.expiresAt <= new Date() || !user || user.status !== 'active') {
        await this.revokeFamily(em, row.familyId);
        return undefined;
      }
      row.usedAt = new Date();
      await repo.save(row);
      return this.issue(em, user, row.familyId);
    });
    if (!result) {
      if (reuse) {
        throw new ProblemError(
          401,
          'refresh-token-reused',
          'Refresh token reused',
          'This refresh token was already used; every session of this sign-in is now revoked. Sign in again.',
        );
      }
      throw invalidRefresh();
    }
    return result;
  }

  async logout(token: string): Promise<void> {
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(token) });
    if (row) await this.revokeFamily(this.dataSource.manager, row.familyId);
  }

  async revokeAllForUser(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async me(userId: string): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    return this.toMe(this.dataSource.manager, user);
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<TokenPairDto> {
    const refreshToken = newSecret(32);
    await em.getRepository(RefreshToken).insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const accessToken = await this.jwt.signAsync(
      { typ: 'access' },
      {
        subject: user.id,
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        algorithm: JWT_ALGORITHM,
        expiresIn: this.config.jwtAccessTtlSeconds,
      },
    );
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.jwtAccessTtlSeconds, user: await this.toMe(em, user) };
  }

  /** The /me view of a user, read through `em` (so a caller's uncommitted change shows). */
  async toMe(em: EntityManager, user: User): Promise<MeDto> {
    const unit = await em.getRepository(OrgUnit).findOneByOrFail({ id: user.orgUnitId });
    const dto = toUserDto(user);
    return { ...dto, orgUnit: { id: unit.id, name: unit.name }, permissions: [...permissionsForRoles(dto.roles)].sort() };
  }
}
