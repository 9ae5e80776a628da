// The people and the desk of a burst: many reps (one modal each at a time, as in Slack) and several
// EMEA specialists per role, added to the emulator's role groups; and a desk open around the clock, so
// a real-time process can be asked for SLA escalations at whatever hour the test runs.

import { type DeskConfig, DeskConfigSchema } from '../../src/config/desk-config.ts';
import { REGIONS } from '../../src/domain/regions.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';
import type { SlackEmulator } from '../../src/emulator/index.ts';
import { aDeskConfig, EMEA_SPECIALISTS, roleGroupId } from './desk-config.ts';

export interface BurstPeople {
  reps: string[];
  specialists: Record<Role, string[]>;
}

const ROLE_CODES: Record<Role, string> = {
  order_management: 'OM',
  revenue_operations: 'RO',
  billing: 'BI',
  customer_operations: 'CO',
};

/** Adds `reps` reps and `perRole` more EMEA specialists per role (the harness's own stay in). */
export function seedBurstPeople(emulator: SlackEmulator, reps: number, perRole: number): BurstPeople {
  const people: BurstPeople = {
    reps: [],
    specialists: Object.fromEntries(ROLES.map((role) => [role, [EMEA_SPECIALISTS[role]]])) as Record<
      Role,
      string[]
    >,
  };
  for (let index = 1; index <= reps; index++) {
    const id = `U0BURSTREP${String(index).padStart(3, '0')}`;
    emulator.addUser({ id, name: `rep${index}`, realName: `Burst Rep ${index}`, tz: 'Europe/London' });
    people.reps.push(id);
  }
  for (const role of ROLES) {
    for (let index = 1; index <= perRole; index++) {
      const id = `U0BURST${ROLE_CODES[role]}${String(index).padStart(2, '0')}`;
      emulator.addUser({
        id,
        name: `${ROLE_CODES[role]}${index}`.toLowerCase(),
        realName: id,
        tz: 'Europe/London',
      });
      people.specialists[role].push(id);
    }
    emulator.addUsergroup({
      id: roleGroupId(role, 'EMEA'),
      handle: `${role.replaceAll('_', '-')}-emea`,
      users: people.specialists[role],
    });
  }
  return people;
}

/** A fixed-offset zone where it is about noon now, far from the one closed minute (23:59). */
function zoneNearNoon(now: Date): string {
  const offset = ((12 - now.getUTCHours() + 36) % 24) - 12;
  if (offset === 0) return 'Etc/GMT';
  // Etc/GMT-3 is three hours ahead of UTC (POSIX signs).
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** The test desk, open 00:00–23:59 every day in every region, with no holidays or period ends. */
export function allHoursDeskConfig(now: Date): DeskConfig {
  const config = aDeskConfig();
  const timeZone = zoneNearNoon(now);
  for (const region of REGIONS) {
    const calendar = config.regions[region].calendar;
    config.regions[region].calendar = {
      ...calendar,
      timeZone,
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      opens: '00:00',
      closes: '23:59',
      cutoff: '23:59',
      holidays: { dates: [], countries: [] },
      periodEnd: { ...calendar.periodEnd, windowBusinessDays: { month: 0, quarter: 0, year: 0 } },
    };
  }
  return DeskConfigSchema.parse(config);
}
