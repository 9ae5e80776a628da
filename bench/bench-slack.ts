// The emulated workspace the benchmarks run in: the test desk's people, channel and user groups
// (as test/support/desk-harness.ts seeds them), plus as many reps and role holders as a benchmark
// needs, on an emulator that may enforce Slack's rate limits.

import { REGIONS } from '../src/domain/regions.ts';
import { ROLES, type Role } from '../src/domain/roles.ts';
import { type SlackEmulator, startSlackEmulator } from '../src/emulator/index.ts';
import type { RateLimitOptions } from '../src/emulator/rate-limits.ts';
import { contractsDir } from '../test/support/contracts.ts';
import { DESK_CHANNEL, EMEA_SPECIALISTS, PEOPLE, roleGroupId } from '../test/support/desk-config.ts';
import { SIGNING_SECRET } from '../test/support/desk-harness.ts';

export interface BenchWorkspace {
  emulator: SlackEmulator;
  /** Reps who book (EMEA, Europe/London); the test desk's rep first. */
  reps: string[];
  /** EMEA holders of each role; the test desk's specialist first. */
  holders: Record<Role, string[]>;
}

export interface BenchWorkspaceOptions {
  rateLimits?: RateLimitOptions;
  /** Reps in all (default 1: the test desk's rep). */
  reps?: number;
  /** EMEA holders per role (default 1: the test desk's specialist). */
  holdersPerRole?: number;
}

function numbered(prefix: string, count: number, first: string): string[] {
  return [
    first,
    ...Array.from({ length: count - 1 }, (_, i) => `${prefix}${String(i + 2).padStart(3, '0')}`),
  ];
}

export async function startBenchWorkspace(options: BenchWorkspaceOptions = {}): Promise<BenchWorkspace> {
  const emulator = await startSlackEmulator({
    signingSecret: SIGNING_SECRET,
    contractsDir: contractsDir(),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  for (const person of Object.values(PEOPLE)) emulator.addUser({ ...person });
  const reps = numbered('U0BREP', options.reps ?? 1, PEOPLE.rep.id);
  for (const id of reps.slice(1))
    emulator.addUser({ id, name: id.toLowerCase(), realName: id, tz: 'Europe/London' });
  const holders = Object.fromEntries(
    ROLES.map((role) => {
      const prefix = `U0B${role.replaceAll('_', '').slice(0, 6).toUpperCase()}`;
      const ids = numbered(prefix, options.holdersPerRole ?? 1, EMEA_SPECIALISTS[role]);
      for (const id of ids.slice(1))
        emulator.addUser({ id, name: id.toLowerCase(), realName: id, tz: 'Europe/London' });
      return [role, ids];
    }),
  ) as Record<Role, string[]>;
  emulator.addChannel({ id: DESK_CHANNEL, name: 'booking-desk' });
  for (const region of REGIONS) {
    for (const role of ROLES) {
      const users =
        region === 'EMEA'
          ? holders[role]
          : region === 'APAC' && role === 'billing'
            ? [PEOPLE.apacBilling.id]
            : [];
      emulator.addUsergroup({
        id: roleGroupId(role, region),
        handle: `${role.replaceAll('_', '-')}-${region.toLowerCase()}`,
        users,
      });
    }
  }
  emulator.addUsergroup({ id: 'S0DESKADMIN', handle: 'desk-admins', users: [PEOPLE.lead.id] });
  emulator.addUsergroup({ id: 'S0SALESSUP', handle: 'sales-support', users: [] });
  return { emulator, reps, holders };
}
