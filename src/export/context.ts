// What the export queries need besides the database: the regions' calendars (business minutes of a
// clock still running), the playbooks (step titles) and the moment the export is taken.

import type { DbOrTx } from '../db/types.ts';
import type { BusinessCalendar } from '../domain/calendar/index.ts';
import type { PlaybookRegistry } from '../domain/playbook/registry.ts';
import type { Region } from '../domain/regions.ts';

export interface ExportContext {
  db: DbOrTx;
  calendars: Record<Region, BusinessCalendar>;
  playbooks: PlaybookRegistry;
  /** When the export is taken: running clocks are read at this instant. */
  now: Date;
  /** Rows per query (default 1,000). */
  pageSize?: number;
}
