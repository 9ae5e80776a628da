// Dates a desk admin marked short-staffed (CoverageDay): one row per region, local date and role
// ("*" for every role of the region). The services write them with an audit event.

import { parseRegion, type Region } from '../domain/regions.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import type { CoverageDay } from './generated/client.ts';
import type { DbOrTx, Tx } from './types.ts';

/** Every role of the region. */
export const EVERY_ROLE = '*';
export type CoverageRole = Role | typeof EVERY_ROLE;

export interface ShortStaffedMark {
  region: Region;
  /** Local date in the region, YYYY-MM-DD. */
  date: string;
  role: CoverageRole;
  reason: string;
  markedBy: string;
  markedAt: Date;
}

export interface MarkKey {
  region: Region;
  date: string;
  role: CoverageRole;
}

function parseRole(value: string): CoverageRole {
  if (value === EVERY_ROLE) return EVERY_ROLE;
  const role = ROLES.find((candidate) => candidate === value);
  if (!role) throw new Error(`unknown coverage role ${value}`);
  return role;
}

function toMark(row: CoverageDay): ShortStaffedMark {
  return {
    region: parseRegion(row.region),
    date: row.date,
    role: parseRole(row.role),
    reason: row.reason,
    markedBy: row.markedBy,
    markedAt: row.markedAt,
  };
}

const ORDER = [{ date: 'asc' }, { region: 'asc' }, { role: 'asc' }] as const;

/** The marks of a region's date for any of `roles` ("*" is the every-role mark). */
export async function findMarks(
  db: DbOrTx,
  region: Region,
  date: string,
  roles: readonly CoverageRole[],
): Promise<ShortStaffedMark[]> {
  const rows = await db.coverageDay.findMany({
    where: { region, date, role: { in: [...roles] } },
    orderBy: [...ORDER],
  });
  return rows.map(toMark);
}

/** The marks of a region's date that cover `role`: its own row and the every-role row. */
export function marksCovering(db: DbOrTx, region: Region, date: string, role: Role) {
  return findMarks(db, region, date, [role, EVERY_ROLE]);
}

/** Every mark of each region from that region's date on (dates compare as text: YYYY-MM-DD). */
export async function marksFrom(
  db: DbOrTx,
  fromDates: Readonly<Partial<Record<Region, string>>>,
  limit = 200,
): Promise<ShortStaffedMark[]> {
  const regions = Object.entries(fromDates).filter((entry): entry is [Region, string] => !!entry[1]);
  if (regions.length === 0) return [];
  const rows = await db.coverageDay.findMany({
    where: { OR: regions.map(([region, date]) => ({ region, date: { gte: date } })) },
    orderBy: [...ORDER],
    take: limit,
  });
  return rows.map(toMark);
}

/** The marks of each region on exactly that region's date. */
export async function marksOn(
  db: DbOrTx,
  dates: Readonly<Partial<Record<Region, string>>>,
): Promise<ShortStaffedMark[]> {
  const regions = Object.entries(dates).filter((entry): entry is [Region, string] => !!entry[1]);
  if (regions.length === 0) return [];
  const rows = await db.coverageDay.findMany({
    where: { OR: regions.map(([region, date]) => ({ region, date })) },
    orderBy: [...ORDER],
  });
  return rows.map(toMark);
}

/** Inserts the mark unless its (region, date, role) exists; true when this call inserted it. */
export async function insertMark(tx: Tx, mark: ShortStaffedMark): Promise<boolean> {
  const written = await tx.coverageDay.createMany({ data: [mark], skipDuplicates: true });
  return written.count === 1;
}

/** Deletes the mark; the deleted mark, or null when there was none. */
export async function deleteMark(tx: Tx, key: MarkKey): Promise<ShortStaffedMark | null> {
  const rows = await tx.coverageDay.findMany({ where: { ...key } });
  const row = rows[0];
  if (!row) return null;
  const deleted = await tx.coverageDay.deleteMany({ where: { id: row.id } });
  return deleted.count === 1 ? toMark(row) : null;
}
