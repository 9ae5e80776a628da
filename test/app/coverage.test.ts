import { describe, expect, it } from 'vitest';
import {
  clearShortStaffed,
  coverageAt,
  markShortStaffed,
  NO_COVERAGE,
  periodEndWords,
  shortStaffedOn,
  upcomingShortStaffed,
} from '../../src/app/coverage.ts';
import type { DeskConfig } from '../../src/config/desk-config.ts';
import { forEachDatabase } from '../support/database.ts';
import { aDeskConfig } from '../support/desk-config.ts';
import { serviceContext } from '../support/services.ts';

const MONDAY = new Date('2026-11-23T10:00:00Z');
/** Friday 27 November 2026, inside the November month-end window (26, 27, 30 November). */
const MONTH_END_FRIDAY = new Date('2026-11-27T10:00:00Z');

const admin = { userId: 'U0LEAD', isDeskAdmin: true };
const rep = { userId: 'U0REP', isDeskAdmin: false };
/** The roles of the region under test that name a backup (see configWithBillingBackup). */
const rolesWithBackup = ['billing'] as const;

function configWithBillingBackup(): DeskConfig {
  const config = aDeskConfig();
  config.regions.EMEA.roles.billing.backup = 'APAC';
  return config;
}

describe('periodEndWords', () => {
  it('names the windows', () => {
    expect(periodEndWords(['month'])).toBe('month-end window');
    expect(periodEndWords(['month', 'quarter'])).toBe('month- and quarter-end window');
    expect(periodEndWords(['month', 'quarter', 'year'])).toBe('month-, quarter- and year-end window');
  });
});

forEachDatabase('coverage', (database) => {
  const scopeOf = (config = configWithBillingBackup()) => {
    const { ctx, clock } = serviceContext(database.prisma, MONDAY);
    return { ctx, clock, scope: { ...ctx, config } };
  };

  it('is off on an ordinary day and on in a period-end window, for roles with a backup only', async () => {
    const { scope } = scopeOf();
    expect(await coverageAt(scope, 'EMEA', 'billing', MONDAY)).toEqual(NO_COVERAGE);
    expect(await coverageAt(scope, 'EMEA', 'billing', MONTH_END_FRIDAY)).toEqual({
      backup: 'APAC',
      reason: 'period_end',
      note: 'month-end window',
    });
    expect(await coverageAt(scope, 'EMEA', 'order_management', MONTH_END_FRIDAY)).toEqual(NO_COVERAGE);
    expect(await coverageAt(scopeOf(aDeskConfig()).scope, 'EMEA', 'billing', MONTH_END_FRIDAY)).toEqual(
      NO_COVERAGE,
    );
  });

  it('is on for the region’s local date a desk admin marked, for that role or every role', async () => {
    const { ctx, scope } = scopeOf();
    const marked = await markShortStaffed(ctx, {
      region: 'EMEA',
      date: '2026-11-24',
      role: 'billing',
      reason: 'Two out sick',
      actor: admin,
      rolesWithBackup,
    });
    expect(marked).toMatchObject({ ok: true, mark: { region: 'EMEA', date: '2026-11-24', role: 'billing' } });
    // 23:30 UTC on the 23rd is still the 23rd in London; 00:30 UTC on the 24th is the 24th.
    expect(await coverageAt(scope, 'EMEA', 'billing', new Date('2026-11-23T23:30:00Z'))).toEqual(NO_COVERAGE);
    expect(await coverageAt(scope, 'EMEA', 'billing', new Date('2026-11-24T00:30:00Z'))).toEqual({
      backup: 'APAC',
      reason: 'short_staffed',
      note: 'Two out sick',
    });

    await markShortStaffed(ctx, {
      region: 'EMEA',
      date: '2026-11-25',
      role: '*',
      reason: '',
      actor: admin,
      rolesWithBackup,
    });
    expect(await coverageAt(scope, 'EMEA', 'billing', new Date('2026-11-25T12:00:00Z'))).toEqual({
      backup: 'APAC',
      reason: 'short_staffed',
      note: null,
    });
    expect((await shortStaffedOn(ctx, new Date('2026-11-25T12:00:00Z'))).map((mark) => mark.date)).toEqual([
      '2026-11-25',
    ]);
    expect((await upcomingShortStaffed(ctx)).map((mark) => `${mark.date} ${mark.role}`)).toEqual([
      '2026-11-24 billing',
      '2026-11-25 *',
    ]);
  });

  it('marks once with an audit event; a second mark, or a role under an every-role mark, changes nothing', async () => {
    const { ctx } = scopeOf();
    const key = { region: 'EMEA', date: '2026-11-23', role: '*' } as const;
    expect(
      await markShortStaffed(ctx, { ...key, reason: 'Offsite', actor: admin, rolesWithBackup }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await markShortStaffed(ctx, { ...key, reason: 'Again', actor: admin, rolesWithBackup }),
    ).toMatchObject({
      ok: false,
      reason: 'already_marked',
      mark: { role: '*', reason: 'Offsite', markedBy: 'U0LEAD' },
    });
    expect(
      await markShortStaffed(ctx, {
        ...key,
        role: 'billing',
        reason: 'Again',
        actor: admin,
        rolesWithBackup,
      }),
    ).toMatchObject({ ok: false, reason: 'already_marked', mark: { role: '*' } });
    expect(await database.prisma.coverageDay.count()).toBe(1);
    const audit = await database.prisma.auditEvent.findMany({ where: { action: 'coverage.mark' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ requestId: null, actorId: 'U0LEAD' });
    expect(audit[0]?.after).toMatchObject({
      region: 'EMEA',
      date: '2026-11-23',
      role: '*',
      reason: 'Offsite',
    });
  });

  it('refuses non-admins (audited), past dates, dates over a year ahead and dates that do not exist', async () => {
    const { ctx } = scopeOf();
    const mark = (date: string, actor = admin) =>
      markShortStaffed(ctx, { region: 'APAC', date, role: 'billing', reason: '', actor, rolesWithBackup });
    expect(await mark('2026-11-30', rep)).toEqual({ ok: false, reason: 'not_desk_admin' });
    expect(await database.prisma.auditEvent.count({ where: { action: 'refused.coverage.mark' } })).toBe(1);
    // 10:00 UTC on Monday 23 November is 21:00 in Sydney: the 23rd is today there, the 22nd is past.
    expect(await mark('2026-11-22')).toEqual({ ok: false, reason: 'in_the_past', today: '2026-11-23' });
    expect(await mark('2026-11-23')).toMatchObject({ ok: true });
    expect(await mark('2027-11-24')).toEqual({ ok: false, reason: 'too_far_ahead', latest: '2027-11-23' });
    expect(await mark('2027-11-23')).toMatchObject({ ok: true });
    expect(await mark('2026-02-30')).toEqual({ ok: false, reason: 'not_a_date' });
    expect(await database.prisma.coverageDay.count()).toBe(2);
  });

  it('clears a mark once, with an audit event; clearing what is not marked says so', async () => {
    const { ctx } = scopeOf();
    const key = { region: 'EMEA', date: '2026-12-24', role: 'billing' } as const;
    await markShortStaffed(ctx, { ...key, reason: 'Christmas Eve', actor: admin, rolesWithBackup });
    expect(await clearShortStaffed(ctx, { ...key, role: '*', actor: admin, rolesWithBackup })).toEqual({
      ok: false,
      reason: 'not_marked',
    });
    expect(await clearShortStaffed(ctx, { ...key, actor: rep, rolesWithBackup })).toEqual({
      ok: false,
      reason: 'not_desk_admin',
    });
    expect(await clearShortStaffed(ctx, { ...key, actor: admin, rolesWithBackup })).toMatchObject({
      ok: true,
      mark: { reason: 'Christmas Eve' },
    });
    expect(await clearShortStaffed(ctx, { ...key, actor: admin, rolesWithBackup })).toEqual({
      ok: false,
      reason: 'not_marked',
    });
    expect(await database.prisma.coverageDay.count()).toBe(0);
    const cleared = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'coverage.clear' },
    });
    expect(cleared.before).toMatchObject({ region: 'EMEA', date: '2026-12-24', role: 'billing' });
  });
});
