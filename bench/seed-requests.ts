// Many requests in little time: a few real ones per stage and region (seed-templates.ts), copied in
// bulk with INSERT … SELECT, each copy with its own id, reference, quote, requester and dates (every
// timestamp of a copy moved by the same amount, so durations stay what the services recorded).
// Columns are read from the database, so a new migration does not break the copy.

import type { Db } from '../src/db/types.ts';
import type { Region } from '../src/domain/regions.ts';
import { serviceContext } from '../test/support/services.ts';
import { makeTemplate, type Stage } from './seed-templates.ts';

export interface SeedPlan {
  count: number;
  regions: readonly Region[];
  /** Stages with their share of the requests (weights, any scale). */
  stages: readonly { stage: Stage; weight: number }[];
  now: Date;
  /** Open requests were submitted within this many days, closed ones within `closedDays`. */
  openDays: number;
  closedDays: number;
  /** Distinct requesters the copies are spread over: the workspace's reps 2 to requesters + 1 (at most 998). */
  requesters: number;
}

/** Columns each table's copy sets itself; every other column is copied (timestamps moved). */
const OVERRIDES: Record<string, Record<string, string>> = {
  BookingRequest: {
    id: 'm.id',
    reference: `'BK-S-' || lpad(m.n::text, 7, '0')`,
    // The benchmark workspace's reps U0BREP002… (bench-slack.ts).
    requesterId: `'U0BREP' || lpad(((m.n % $REQUESTERS) + 2)::text, 3, '0')`,
    quoteNumber: `'QS-' || m.n`,
    intakeViewId: 'NULL',
    parentTs: `'1700000000.' || lpad(m.n::text, 6, '0')`,
  },
  CommercialTerms: {
    id: 'gen_random_uuid()',
    requestId: 'm.id',
    quoteNumber: `'QS-' || m.n`,
    customerAccountName: `'Customer ' || (m.n % 7919)`,
  },
  BookingLine: { id: 'gen_random_uuid()', requestId: 'm.id' },
  SlaClock: {
    id: 'gen_random_uuid()',
    requestId: 'm.id',
    // Nothing due when the app starts: the figures are about the desk at rest.
    nextCheckAt: `CASE WHEN t."status" = 'running' THEN $NOW + interval '10 minutes' + random() * interval '8 hours' END`,
  },
  AuditEvent: { id: 'DEFAULT', requestId: 'm.id' },
};

/** Copying every tick would multiply the audit log tenfold; decisions are what the KPIs read. */
const AUDIT_COPIED = `t."action" NOT IN ('workflow.tick', 'workflow.untick', 'workflow.take')`;

const CHUNK = 10_000;

async function columnsOf(db: Db, table: string): Promise<{ name: string; timestamp: boolean }[]> {
  const rows = await db.$queryRawUnsafe<{ column_name: string; data_type: string }[]>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    table,
  );
  return rows.map((row) => ({ name: row.column_name, timestamp: row.data_type.startsWith('timestamp') }));
}

async function copyStatement(db: Db, table: string, where: string, plan: SeedPlan): Promise<string> {
  const overrides = OVERRIDES[table] ?? {};
  const columns = (await columnsOf(db, table)).filter((column) => overrides[column.name] !== 'DEFAULT');
  const values = columns.map((column) => {
    const override = overrides[column.name];
    if (override !== undefined) return override;
    return column.timestamp ? `t."${column.name}" + m.shift` : `t."${column.name}"`;
  });
  const joinOn = table === 'BookingRequest' ? 't."id" = m.template' : 't."requestId" = m.template';
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column.name}"`).join(', ')})
    SELECT ${values.join(', ')} FROM "_bench_map" m JOIN "${table}" t ON ${joinOn}
    WHERE m.n BETWEEN $FROM AND $TO${where ? ` AND ${where}` : ''}`
    .replaceAll('$REQUESTERS', String(plan.requesters))
    .replaceAll('$NOW', `'${plan.now.toISOString()}'::timestamptz`);
}

/** Seeds `plan.count` requests (the templates are deleted again); says how long it took. */
export async function seedRequests(db: Db, plan: SeedPlan): Promise<{ seconds: number }> {
  const started = performance.now();
  const before = await db.outboxMessage.aggregate({ _max: { id: true } });
  // Templates are made an hour before the earliest copy would be, then moved.
  const services = serviceContext(db, new Date(plan.now.getTime() - 3_600_000));
  const weightSum = plan.stages.reduce((sum, entry) => sum + entry.weight, 0);
  const slots: { slot: number; template: string; open: boolean }[] = [];
  const SLOTS = 1000;
  let quote = 0;
  for (const region of plan.regions) {
    for (const { stage, weight } of plan.stages) {
      const template = await makeTemplate(services, region, stage, `Q-TEMPLATE-${++quote}`);
      const share = Math.max(1, Math.round((SLOTS * weight) / weightSum / plan.regions.length));
      const open = stage.kind === 'open' || stage.kind === 'changes_requested';
      for (let i = 0; i < share; i++) slots.push({ slot: slots.length, template, open });
    }
  }
  const templates = [...new Set(slots.map((slot) => slot.template))];
  await db.$executeRawUnsafe('DROP TABLE IF EXISTS "_bench_map", "_bench_slot"');
  await db.$executeRawUnsafe(
    'CREATE TABLE "_bench_slot" (slot int PRIMARY KEY, template uuid, open boolean)',
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "_bench_slot" VALUES ${slots.map((s) => `(${s.slot}, '${s.template}', ${s.open})`).join(', ')}`,
  );
  await db.$executeRawUnsafe(
    'CREATE TABLE "_bench_map" (id uuid PRIMARY KEY, n int UNIQUE, template uuid, shift interval)',
  );
  const statements = [
    await copyStatement(db, 'BookingRequest', '', plan),
    await copyStatement(db, 'CommercialTerms', '', plan),
    await copyStatement(db, 'BookingLine', '', plan),
    await copyStatement(db, 'SlaClock', '', plan),
    await copyStatement(db, 'AuditEvent', AUDIT_COPIED, plan),
  ];
  const now = `'${plan.now.toISOString()}'::timestamptz`;
  for (let from = 1; from <= plan.count; from += CHUNK) {
    const to = Math.min(plan.count, from + CHUNK - 1);
    // A copy's submission lands at a random time in its window; closed ones a day back at least.
    await db.$executeRawUnsafe(`
      INSERT INTO "_bench_map"
      SELECT gen_random_uuid(), g, s.template,
        (${now} - CASE WHEN s.open THEN random() * ${plan.openDays} * interval '1 day'
          ELSE interval '1 day' + random() * ${plan.closedDays - 1} * interval '1 day' END) - r."submittedAt"
      FROM generate_series(${from}, ${to}) g
      JOIN "_bench_slot" s ON s.slot = (g::bigint * 7919) % ${slots.length}
      JOIN "BookingRequest" r ON r.id = s.template`);
    for (const statement of statements) {
      await db.$executeRawUnsafe(statement.replace('$FROM', String(from)).replace('$TO', String(to)));
    }
  }
  // The templates go, and every Slack message they queued: cards and Homes nobody asked for.
  await db.outboxMessage.deleteMany({ where: { id: { gt: before._max.id ?? 0n } } });
  const ids = templates.map((id) => `'${id}'`).join(', ');
  for (const table of ['AuditEvent', 'ThreadMessage']) {
    await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "requestId" IN (${ids})`);
  }
  await db.$executeRawUnsafe(`DELETE FROM "BookingRequest" WHERE "id" IN (${ids})`);
  await db.$executeRawUnsafe('DROP TABLE "_bench_map", "_bench_slot"');
  await db.$executeRawUnsafe('ANALYZE');
  return { seconds: (performance.now() - started) / 1000 };
}
