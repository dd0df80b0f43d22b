/**
 * One password digest format, named as Clerk's `password_hasher`. Every format verifies; only the
 * format Roster writes (argon2id) hashes.
 */
export interface PasswordHasher {
  /** The `password_hasher` name Clerk uses for this format. */
  readonly name: string;
  /** Whether `digest` is well-formed for this format; checked when a digest is imported. */
  isValidDigest(digest: string): boolean;
  /**
   * Whether `password` matches `digest`. Constant-time where the format allows; never throws for a
   * wrong password or a malformed digest, only returns false. Slow formats (argon2, bcrypt, scrypt,
   * pbkdf2) must run off the event loop.
   */
  verify(digest: string, password: string): Promise<boolean>;
  /**
   * Whether `password`, which has just verified against `digest`, is the only password anyone could send that the
   * digest accepts, so replacing the digest with one of `password` alone changes nothing about who can sign in.
   * False where the format reads only part of a long password (bcrypt's 72 bytes) or maps it to something a client
   * could send instead (an HMAC key longer than its hash's block). Absent: the format accepts one password per digest.
   */
  acceptsOnly?(digest: string, password: string): boolean;
  /** Present on the format Roster writes new passwords in. */
  hash?(password: string): Promise<string>;
}

/** A hasher that can write new digests. */
export type WritingHasher = PasswordHasher & {
  hash(password: string): Promise<string>;
  /** Whether `digest` has the parameters this hasher writes (so it was not imported, and needs no upgrade). */
  isOwnDigest(digest: string): boolean;
};
