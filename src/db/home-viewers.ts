// Who opened the app's Home tab lately (HomeViewer). Slack sends app_home_opened on every open and the
// app publishes a fresh Home then, so changes need pushing only to the Homes people may be looking at.

import type { Db } from './types.ts';

export async function noteHomeOpened(db: Db, userId: string, at: Date): Promise<void> {
  await db.homeViewer.upsert({
    where: { userId },
    create: { userId, openedAt: at },
    update: { openedAt: at },
  });
}

/** Those of `userIds` who opened their Home at or after `since`. */
export async function recentHomeViewers(db: Db, userIds: readonly string[], since: Date): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.homeViewer.findMany({
    where: { userId: { in: [...userIds] }, openedAt: { gte: since } },
    select: { userId: true },
  });
  const recent = new Set(rows.map((row) => row.userId));
  return userIds.filter((userId) => recent.has(userId));
}
