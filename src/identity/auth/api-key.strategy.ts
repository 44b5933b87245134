import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { ApiKeysService } from '../api-keys/api-keys.service';
import type { Principal } from './principal';

/** `X-API-Key: hck_<prefix>_<secret>` for integrations (a service principal with scopes). */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const header = req.headers['x-api-key'];
    if (typeof header !== 'string' || header.length === 0) return false;
    return (await this.apiKeys.authenticate(header)) ?? false;
  }
}
