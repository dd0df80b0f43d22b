import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors } from '../lib/error-catalog.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer <secret key>` against every configured key. Keys are compared as SHA-256
 * digests with timingSafeEqual, and every key is checked, so timing says nothing about which key or
 * how much of it matched.
 */
export function createSecretKeyAuth(secretKeys: readonly string[]) {
  const keyDigests = secretKeys.map(digest);
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (!header) throw errors.authenticationInvalid();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw errors.authorizationHeaderFormatInvalid();
    const presented = digest(match[1]!);
    let valid = false;
    for (const key of keyDigests) valid = timingSafeEqual(presented, key) || valid;
    if (!valid) throw errors.clerkKeyInvalid();
  };
}
