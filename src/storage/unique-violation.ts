/** What a unique-constraint failure was about, in the storage layer's terms. */
export type UniqueTarget = 'external_id' | 'username' | 'identification';

/**
 * Recognises a unique violation from either driver and names what collided, or returns null.
 * SQLite reports the columns in its message; PostgreSQL reports code 23505 with the constraint name.
 */
export function uniqueViolationTarget(error: unknown): UniqueTarget | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, constraint } = error as { code?: string; message?: string; constraint?: string };
  let subject: string | undefined;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') subject = message;
  else if (code === '23505') subject = constraint;
  if (!subject) return null;
  if (subject.includes('external_id')) return 'external_id';
  if (subject.includes('username')) return 'username';
  if (subject.includes('identifications')) return 'identification';
  return null;
}

/**
 * A foreign-key failure: something the write refers to was deleted by a concurrent request (a user
 * deleted while a membership for them is being added, say).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: string };
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
