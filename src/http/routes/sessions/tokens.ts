// POST /v1/sessions/{session_id}/tokens — a v2 session token (RS256 JWT) for an active session.
// GET /v1/jwks — the public keys that verify session tokens (current key and retired keys with live tokens).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionService } from '../../../sessions/session-service.js';
import type { SigningKeyStore } from '../../../sessions/signing-keys.js';
import { createSessionTokenBody } from './schemas.js';

export function registerSessionTokenRoutes(
  app: FastifyInstance,
  sessions: SessionService,
  signingKeys: SigningKeyStore,
  issuerOf: (request: FastifyRequest) => string,
): void {
  app.post<{ Params: { session_id: string }; Body: { expires_in_seconds?: number | null } }>(
    '/v1/sessions/:session_id/tokens',
    { schema: { body: createSessionTokenBody } },
    async (request) => {
      const { jwt } = await sessions.createToken(request.params.session_id, {
        expiresInSeconds: request.body.expires_in_seconds,
        issuer: issuerOf(request),
      });
      return { object: 'token' as const, jwt };
    },
  );

  app.get('/v1/jwks', async () => signingKeys.jwks());
}
