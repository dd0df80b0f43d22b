/** What an organization-side unique-constraint failure was about. */
export type OrganizationUniqueTarget = 'slug' | 'membership' | 'pending_invitation';

/**
 * Recognises a unique violation from either driver on the organization tables. SQLite names the
 * columns in its message; PostgreSQL (code 23505) names the constraint or index.
 */
export function organizationUniqueViolation(error: unknown): OrganizationUniqueTarget | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, constraint } = error as { code?: string; message?: string; constraint?: string };
  let subject: string | undefined;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') subject = message;
  else if (code === '23505') subject = constraint;
  if (!subject) return null;
  if (subject.includes('organizations.slug') || subject === 'organizations_slug_key') return 'slug';
  if (subject.includes('organization_memberships.') || subject === 'organization_memberships_organization_user_key') return 'membership';
  if (subject.includes('organization_invitations.') || subject === 'organization_invitations_pending_key') return 'pending_invitation';
  return null;
}
