import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library defaults (m=19456 KiB, t=2, p=1: the OWASP/ASVS floor). */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }
}
