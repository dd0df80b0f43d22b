import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { assertPasswordAllowed } from '../passwords/password-policy.js';
import { createVerificationPool } from '../passwords/verification-pool.js';
import { replacePasswordDigestIfUnchanged } from '../storage/repositories/credentials-repository.js';
import type { Executor, UserRow } from '../storage/database.js';
import { updateUser } from '../storage/repositories/users-repository.js';
import { loadRecord, requireUser } from './deps.js';
import { revokeAllSessions } from './session-revocation.js';
import type { UserRecord } from './user-record.js';
import { createVerificationGuard } from './verification-guard.js';

/** What create/update receive about a password: a plain one, or an imported digest with its hasher. */
export interface PasswordInput {
  password?: string | null;
  passwordDigest?: string | null;
  passwordHasher?: string | null;
  skipPasswordChecks?: boolean | null;
}

export interface StoredPassword {
  digest: string;
  hasher: string;
}

const COGNITO_UNSUPPORTED =
  'awscognito digests are verified against a live AWS Cognito user pool at sign-in, which Roster cannot reach. Import the users without a password, or with a digest Roster can verify.';

/** Passwords: import and policy, verification with lockout, removal, and the compromised mark. */
export function createPasswordService(deps: ServiceDeps) {
  const { database, clock, hashers, config } = deps;
  const { db } = database;
  const guard = createVerificationGuard(deps);
  const policy = { minLength: config.passwordMinLength };
  const importedChecks = hashers.importedDigestChecks ?? createVerificationPool();
  /** Imported digests are checked in the bounded pool; a full queue answers 429 before any attempt is taken. */
  const checkIn = <T>(ownDigest: boolean, check: () => Promise<T>): Promise<T> => (ownDigest ? check() : importedChecks.run(check));
  /** A digest Roster wrote itself (argon2id with its own parameters): never pooled, never re-hashed. */
  const isOwnDigest = (user: UserRow): boolean =>
    user.password_hasher === hashers.preferred.name && user.password_digest !== null && hashers.preferred.isOwnDigest(user.password_digest);

  return {
    /**
     * Turns request input into what is stored: a new argon2id digest for a plain password (after the
     * policy), or an imported digest checked for its hasher's format. Undefined when neither is given.
     */
    async prepare(input: PasswordInput, options: { paramName?: string } = {}): Promise<StoredPassword | undefined> {
      const { password, passwordDigest, passwordHasher } = input;
      if (passwordDigest != null || passwordHasher != null) {
        if (password != null) {
          throw errors.paramValueInvalid('password_digest', 'password and password_digest cannot be used together.');
        }
        if (passwordDigest == null) throw errors.paramMissing('password_digest');
        if (passwordHasher == null) throw errors.paramMissing('password_hasher');
        if (passwordHasher === 'awscognito') throw errors.paramValueInvalid('password_hasher', COGNITO_UNSUPPORTED);
        const hasher = hashers.get(passwordHasher);
        if (!hasher) throw errors.paramValueNotAllowed('password_hasher', passwordHasher, hashers.names());
        if (!hasher.isValidDigest(passwordDigest)) throw errors.passwordDigestInvalid(passwordHasher);
        return { digest: passwordDigest, hasher: passwordHasher };
      }
      if (password == null) return undefined;
      assertPasswordAllowed(password, policy, { skipChecks: Boolean(input.skipPasswordChecks), ...options });
      return { digest: await hashers.preferred.hash(password), hasher: hashers.preferred.name };
    },

    /**
     * `POST /v1/users/{id}/verify_password`. A wrong password counts toward lockout; a right one resets
     * the count and, for an imported digest (any digest Roster did not write), re-hashes the password to argon2id
     * when it is the only password that digest accepts. Answers the digest the password matched (the re-hashed
     * one when it was upgraded), so a caller can make a later write conditional on it (see account-service).
     */
    async verify(userId: string, password: string): Promise<string> {
      const first = await requireUser(db, userId);
      if (first.banned) throw errors.userBanned();
      if (!first.password_digest || !first.password_hasher) throw errors.noPasswordSet();
      const pooled = !isOwnDigest(first);
      // An imported digest waits for a slot in the pool; the user is read again once it has one, so a
      // password change or removal, a ban or a deletion meanwhile applies to this check.
      const user = await checkIn(!pooled, async () => {
        const current = pooled ? await requireUser(db, userId) : first;
        if (current.banned) throw errors.userBanned();
        const { password_digest: digest, password_hasher: hasherName } = current;
        if (!digest || !hasherName) throw errors.noPasswordSet();
        const hasher = hashers.get(hasherName);
        await guard.withAttempt(db, current, async (attempt) => {
          if (!(hasher && (await hasher.verify(digest, password)))) {
            await attempt.failed();
            throw errors.incorrectPassword();
          }
          await attempt.succeeded();
        });
        return current;
      });
      if (user.password_compromised_at !== null) throw errors.passwordCompromised();
      // The upgrade must not change who can sign in: a digest that also accepts other passwords (bcrypt past 72
      // bytes, for one) stays as imported, as the original system would keep verifying it.
      if (!isOwnDigest(user) && (hashers.get(user.password_hasher!)?.acceptsOnly?.(user.password_digest!, password) ?? true)) {
        const digest = await hashers.preferred.hash(password);
        if (await replacePasswordDigestIfUnchanged(db, userId, user.password_digest!, { digest, hasher: hashers.preferred.name })) return digest;
      }
      return user.password_digest!;
    },

    /**
     * `POST /v1/users/{id}/remove_password`. A user without a password is returned unchanged, sessions included
     * (the 2026-05-12 spec: "the user is returned unchanged").
     */
    async remove(userId: string, options: { signOutOfOtherSessions?: boolean }, executor?: Executor): Promise<UserRecord> {
      // Within the caller's transaction when given one (account-service removes under its own lock).
      const run = <T>(work: (trx: Executor) => Promise<T>) => (executor ? work(executor) : db.transaction().execute(work));
      return run(async (trx) => {
        const user = await requireUser(trx, userId);
        if (!user.password_digest) return loadRecord(deps, trx, user);
        const now = clock.nowMs();
        const updated = await updateUser(trx, userId, {
          password_digest: null,
          password_hasher: null,
          password_last_updated_at: now,
          password_compromised_at: null,
          ...(options.signOutOfOtherSessions ? { sessions_revoked_at: now } : {}),
          updated_at: now,
        });
        // The Backend API acts for no session, so "other sessions" are all of them.
        if (options.signOutOfOtherSessions) await revokeAllSessions(trx, [userId], now);
        return loadRecord(deps, trx, updated!);
      });
    },

    /**
     * `POST /v1/users/{id}/password/set_compromised`: the password stays but stops verifying until a new
     * one is set (verify_password answers form_password_compromised).
     */
    async setCompromised(userId: string, options: { revokeAllSessions?: boolean | null }): Promise<UserRecord> {
      return db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, userId);
        if (!user.password_digest) throw errors.noPasswordSet();
        const now = clock.nowMs();
        const updated = await updateUser(trx, userId, {
          password_compromised_at: now,
          ...(options.revokeAllSessions ? { sessions_revoked_at: now } : {}),
          updated_at: now,
        });
        if (options.revokeAllSessions) await revokeAllSessions(trx, [userId], now);
        return loadRecord(deps, trx, updated!);
      });
    },

    /** `POST /v1/users/{id}/password/unset_compromised`. */
    async unsetCompromised(userId: string): Promise<UserRecord> {
      return db.transaction().execute(async (trx) => {
        await requireUser(trx, userId);
        const updated = await updateUser(trx, userId, { password_compromised_at: null, updated_at: clock.nowMs() });
        return loadRecord(deps, trx, updated!);
      });
    },
  };
}

export type PasswordService = ReturnType<typeof createPasswordService>;
