// A ServiceContext over a test database with a manual clock, counting outbox nudges.

import type { ServiceContext } from '../../src/app/context.ts';
import type { Db } from '../../src/db/types.ts';
import type { BookingDraft } from '../../src/domain/booking/intake.ts';
import { validateIntake } from '../../src/domain/booking/intake.ts';
import { defaultRegionCalendars } from '../../src/domain/calendar/index.ts';
import { ManualClock } from '../../src/domain/clock.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';
import { createPlaybookRegistry } from '../../src/domain/playbook/registry.ts';
import { DEFAULT_SLA_POLICY } from '../../src/domain/sla/policy.ts';
import { anIntakeForm } from './builders.ts';

export function serviceContext(db: Db, start = new Date('2026-11-23T10:00:00Z')) {
  const clock = new ManualClock(start);
  const nudges = { count: 0 };
  const ctx: ServiceContext = {
    db,
    clock,
    playbooks: createPlaybookRegistry([DEFAULT_PLAYBOOK]),
    playbook: DEFAULT_PLAYBOOK,
    calendars: defaultRegionCalendars(),
    slaPolicy: DEFAULT_SLA_POLICY,
    outboxWritten: () => void nudges.count++,
  };
  return { ctx, clock, nudges };
}

export function aDraft(overrides: Parameters<typeof anIntakeForm>[0] = {}): BookingDraft {
  const result = validateIntake(anIntakeForm(overrides), {
    today: '2026-11-23',
    maxBackdateDays: 30,
    maxForwardDays: 365,
  });
  if (!result.ok) throw new Error(`test draft is invalid: ${JSON.stringify(result.errors)}`);
  return result.draft;
}
