/** One password digest format: hash new passwords (where Roster writes the format) and verify them. */
export interface PasswordHasher {
  /** The `password_hasher` name Clerk uses for this format. */
  readonly name: string;
  hash(password: string): Promise<string>;
  /** Constant-time where the format allows; never throws for a wrong password, only returns false. */
  verify(digest: string, password: string): Promise<boolean>;
}
