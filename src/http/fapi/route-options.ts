import type { FastifySchema } from 'fastify';

/**
 * Every Frontend API route: `frontend` auth, and hidden from Roster's OpenAPI document (the FAPI's contract is
 * Clerk's FAPI spec; Roster's document describes the Backend API and Roster's extensions).
 */
export const FAPI_ROUTE = { config: { auth: 'frontend' as const }, schema: { hide: true } as FastifySchema };
