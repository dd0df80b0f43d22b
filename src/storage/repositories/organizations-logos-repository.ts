import type { Executor } from '../database.js';
import type { LogoRow } from '../tables/organization-tables.js';

/** Replaces the organization's logo (at most one per organization). */
export async function replaceLogo(db: Executor, row: LogoRow): Promise<void> {
  await db.deleteFrom('organization_logos').where('organization_id', '=', row.organization_id).execute();
  await db.insertInto('organization_logos').values(row).execute();
}

export async function deleteLogo(db: Executor, organizationId: string): Promise<boolean> {
  const result = await db.deleteFrom('organization_logos').where('organization_id', '=', organizationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findLogo(db: Executor, id: string): Promise<LogoRow | undefined> {
  return db.selectFrom('organization_logos').selectAll().where('id', '=', id).executeTakeFirst();
}
