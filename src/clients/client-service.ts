import { createHash, randomBytes } from 'node:crypto';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Impersonation, SessionService } from '../sessions/session-service.js';
import {
  countClients,
  findClientById,
  findClientByTokenDigest,
  findSignIn,
  findSignUp,
  insertClient,
  listActiveSessionsOfClient,
  listClients,
  purgeStaleClientRows,
  updateClient,
  deleteExpiredHandshakeNonces,
} from '../storage/repositories/clients-repository.js';
import { findSessionById, updateActiveSession } from '../storage/repositories/sessions-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { ClientRow, SignInRow, SignUpRow } from '../storage/tables/client-tables.js';
import type { SessionRow } from '../storage/tables/session-tables.js';
import { loadRecordsById } from '../users/deps.js';
import type { Executor } from '../storage/database.js';
import type { UserRecord } from '../users/user-record.js';

/** The secret a browser holds in its `__client` cookie is stored only as this digest. */
export const clientTokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A client with no active session and no activity for this long is forgotten (its cookie then starts a new one). */
export const CLIENT_IDLE_DAYS = 30;

/** A new cookie secret: 256 random bits, base64url. */
export const newClientToken = (): string => randomBytes(32).toString('base64url');

/** A session of the client with its user, as the Frontend API shows it. */
export interface ClientSession {
  session: SessionRow;
  user: UserRecord;
}

/** Everything the Frontend API shows of a client. */
export interface ClientState {
  client: ClientRow;
  sessions: ClientSession[];
  signIn: SignInRow | null;
  signUp: SignUpRow | null;
}

/** Clients: the browsers the Frontend API knows, their sessions, sign-ins and sign-ups. */
export function createClientService(deps: ServiceDeps & { sessions: SessionService }) {
  const { database, clock, config } = deps;
  const { db } = database;

  async function stateOf(client: ClientRow): Promise<ClientState> {
    const nowMs = clock.nowMs();
    const [sessions, signIn, signUp] = await Promise.all([
      listActiveSessionsOfClient(db, client.id, nowMs),
      client.sign_in_id ? findSignIn(db, client.sign_in_id) : undefined,
      client.sign_up_id ? findSignUp(db, client.sign_up_id) : undefined,
    ]);
    const users = await loadRecordsById(deps, db, [...new Set(sessions.map((session) => session.user_id))]);
    const byId = new Map(users.map((user) => [user.user.id, user]));
    return {
      client,
      // A session whose user was deleted meanwhile is not shown (deleting a user ends its sessions).
      sessions: sessions.flatMap((session) => {
        const user = byId.get(session.user_id);
        return user ? [{ session, user }] : [];
      }),
      // An attempt past its abandon time is over: the client no longer shows it.
      signIn: signIn && signIn.abandon_at > nowMs ? signIn : null,
      signUp: signUp && signUp.abandon_at > nowMs ? signUp : null,
    };
  }

  /**
   * The client's own active session. A session the client had that is no longer active (signed out, revoked,
   * expired) is Clerk's 401 `signed_out`, or 403 `user_banned` when its user is banned: clerk-js signs the page
   * out on either, while on a 404 it only retries. Another client's session, or none, is the 404.
   */
  async function requireOwnSession(client: ClientRow, sessionId: string): Promise<SessionRow> {
    const sessions = await listActiveSessionsOfClient(db, client.id, clock.nowMs());
    const session = sessions.find((candidate) => candidate.id === sessionId);
    if (session) return session;
    const inactive = await findSessionById(db, sessionId);
    if (inactive?.client_id !== client.id) throw errors.sessionNotFound(sessionId);
    if ((await findUserById(db, inactive.user_id))?.banned) throw errors.userBanned();
    throw errors.signedOut();
  }

  /** A session with its user, as the Frontend API shows it. */
  async function withUser(session: SessionRow): Promise<ClientSession> {
    const [user] = await loadRecordsById(deps, db, [session.user_id]);
    if (!user) throw errors.sessionNotFound(session.id);
    return { session, user };
  }

  /** The client a cookie secret belongs to. */
  async function authenticate(token: string): Promise<ClientRow | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    return findClientByTokenDigest(db, clientTokenDigest(token));
  }

  return {
    withUser,

    /**
     * Signs the browser in: a new session for the user on this client, in the caller's transaction (the one that
     * completes a sign-in or sign-up). The client's row is held first, so two attempts of one browser finishing at
     * once make one session; single-session mode is checked there; the user's ban and lock are checked by
     * `sessions.start`; and the cookie secret is replaced, so one planted in the browser beforehand holds no session.
     */
    async startSession(
      trx: Executor,
      client: ClientRow,
      input: {
        userId: string;
        strategy: string;
        finished: 'sign_in_id' | 'sign_up_id';
        impersonation?: Impersonation | undefined;
        activeOrganizationId?: string | null | undefined;
      },
      nowMs: number,
    ): Promise<{ session: SessionRow; clientToken: string }> {
      await updateClient(trx, client.id, { updated_at: nowMs });
      const active = await listActiveSessionsOfClient(trx, client.id, nowMs);
      if (config.frontend.singleSessionMode && active.length > 0) throw errors.sessionExists();
      // Clerk's rule: a browser impersonating someone signs no one else in (nor impersonates anyone else) alongside.
      if (active.some((session) => session.actor !== null)) throw errors.sessionCreationNotAllowed();
      const session = await deps.sessions.start(
        trx,
        { userId: input.userId, clientId: client.id, impersonation: input.impersonation, activeOrganizationId: input.activeOrganizationId },
        nowMs,
      );
      const clientToken = newClientToken();
      await updateClient(trx, client.id, {
        token_digest: clientTokenDigest(clientToken),
        [input.finished]: null,
        last_active_session_id: session.id,
        last_authentication_strategy: input.strategy,
        updated_at: nowMs,
      });
      return { session, clientToken };
    },

    /** A new client with a fresh cookie secret (returned once, never stored). */
    async create(): Promise<{ client: ClientRow; token: string }> {
      const nowMs = clock.nowMs();
      const token = newClientToken();
      const client: ClientRow = {
        id: newId('client', nowMs),
        token_digest: clientTokenDigest(token),
        sign_in_id: null,
        sign_up_id: null,
        last_active_session_id: null,
        last_authentication_strategy: null,
        created_at: nowMs,
        updated_at: nowMs,
      };
      await insertClient(db, client);
      return { client, token };
    },

    authenticate,

    state: stateOf,

    async get(clientId: string): Promise<ClientState> {
      const client = await findClientById(db, clientId);
      if (!client) throw errors.clientNotFoundById(clientId);
      return stateOf(client);
    },

    /** Backend API `POST /v1/clients/verify`: the client whose `__client` cookie holds `token`. */
    async verifyToken(token: string): Promise<ClientState> {
      const client = await authenticate(token);
      if (!client) throw errors.clientNotFoundByToken();
      return stateOf(client);
    },

    async list(page: { limit: number; offset: number }): Promise<{ clients: ClientState[]; totalCount: number }> {
      const [rows, totalCount] = await Promise.all([listClients(db, page), countClients(db)]);
      return { clients: await Promise.all(rows.map(stateOf)), totalCount };
    },

    requireOwnSession,

    /** Makes the session the client's active one (clerk-js's `touch` when a tab focuses or a session is chosen). */
    async touch(client: ClientRow, sessionId: string): Promise<ClientRow> {
      await requireOwnSession(client, sessionId);
      return (await updateClient(db, client.id, { last_active_session_id: sessionId, updated_at: clock.nowMs() })) ?? client;
    },

    /** Ends (`end`, sign-out of one session) or removes one of the client's sessions. */
    async closeSession(client: ClientRow, sessionId: string, status: 'ended' | 'removed'): Promise<SessionRow> {
      const nowMs = clock.nowMs();
      await requireOwnSession(client, sessionId);
      const closed = await updateActiveSession(db, sessionId, { status, updated_at: nowMs }, nowMs);
      if (!closed) throw errors.sessionNotFound(sessionId);
      if (client.last_active_session_id === sessionId) await updateClient(db, client.id, { last_active_session_id: null, updated_at: nowMs });
      return closed;
    },

    /** Signs the client out of every session (`DELETE /v1/client/sessions`, `DELETE /v1/client`). */
    async closeAllSessions(client: ClientRow, status: 'ended' | 'removed'): Promise<ClientRow> {
      const nowMs = clock.nowMs();
      await db.transaction().execute(async (trx) => {
        for (const session of await listActiveSessionsOfClient(trx, client.id, nowMs)) {
          await updateActiveSession(trx, session.id, { status, updated_at: nowMs }, nowMs);
        }
        await updateClient(trx, client.id, { last_active_session_id: null, sign_in_id: null, sign_up_id: null, updated_at: nowMs });
      });
      return (await findClientById(db, client.id)) ?? client;
    },

    /**
     * Deletes abandoned sign-ins and sign-ups, expired handshake nonces, and clients idle for CLIENT_IDLE_DAYS that
     * hold no active session, so anonymous requests cannot grow the database without bound.
     */
    async purgeStale(): Promise<number> {
      const nowMs = clock.nowMs();
      await deleteExpiredHandshakeNonces(db, nowMs);
      return purgeStaleClientRows(db, nowMs, nowMs - CLIENT_IDLE_DAYS * 86_400_000);
    },

    /** Re-reads a client after a change made elsewhere (a sign-in completing). */
    async reload(client: ClientRow): Promise<ClientRow> {
      return (await findClientById(db, client.id)) ?? client;
    },
  };
}

export type ClientService = ReturnType<typeof createClientService>;
