import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { User } from '../entities/user.entity';
import { userPrincipal } from './principal.factory';
import type { Principal } from './principal';

export const JWT_ISSUER = 'hero-compact';
export const JWT_AUDIENCE = 'hero-compact-api';
export const JWT_ALGORITHM = 'HS256';

interface AccessClaims {
  sub: string;
  typ: string;
}

/** Bearer access tokens: HS256 only (alg pinned, so `none` and RS/HS confusion fail), issuer and audience checked. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /** Loads the user on every call so that disabling an account takes effect at once. */
  async validate(claims: AccessClaims): Promise<Principal | false> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') return false;
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user || user.status !== 'active') return false;
    return userPrincipal(user);
  }
}
