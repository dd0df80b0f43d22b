// POST /v1/testing_tokens — a token end-to-end suites pass as `__clerk_testing_token` to the Frontend API of a
// development instance, which then skips its per-IP rate limits (src/frontend/testing-tokens.ts).
import { Type } from 'typebox';
import { errors } from '../../lib/error-catalog.js';
import type { RosterApp } from '../roster-app.js';
import type { RouteContext } from '../route-context.js';

const TestingToken = Type.Object(
  { object: Type.Literal('testing_token'), token: Type.String(), expires_at: Type.Integer({ description: 'Unix seconds' }) },
  { additionalProperties: false },
);

export function registerTestingTokenRoute(app: RosterApp, ctx: RouteContext, options: { testMode: boolean }): void {
  app.post('/v1/testing_tokens', { schema: { response: { 200: TestingToken } } }, async () => {
    // Like Clerk: testing tokens belong to development instances (ROSTER_TEST_MODE, on with sk_test_ keys).
    if (!options.testMode) throw errors.testModeOnly();
    const { token, expiresAt } = ctx.testingTokens.issue();
    return { object: 'testing_token' as const, token, expires_at: expiresAt };
  });
}
