// A desk config for tests: the same shape people write, with IDs the emulator seeds.

import { type DeskConfig, DeskConfigSchema } from '../../src/config/desk-config.ts';
import { REGIONS } from '../../src/domain/regions.ts';
import { ROLES } from '../../src/domain/roles.ts';

export const DESK_CHANNEL = 'C0DESK';

export const PEOPLE = {
  rep: { id: 'U0REP', name: 'rita', realName: 'Rita Rep', tz: 'Europe/London' },
  apacRep: { id: 'U0APACREP', name: 'arjun', realName: 'Arjun Rep', tz: 'Australia/Sydney' },
  lead: { id: 'U0LEAD', name: 'dana', realName: 'Dana Lead', tz: 'Europe/London' },
} as const;

/** The user group of a role in a region, e.g. S0BILLINGEMEA. */
export function roleGroupId(role: string, region: string): string {
  return `S0${role.replaceAll('_', '').toUpperCase()}${region}`;
}

export function aDeskConfig(): DeskConfig {
  return DeskConfigSchema.parse({
    deskChannel: DESK_CHANNEL,
    deskAdmins: { usergroup: 'S0DESKADMIN', users: [PEOPLE.lead.id] },
    salesSupport: { usergroup: 'S0SALESSUP' },
    regions: Object.fromEntries(
      REGIONS.map((region) => [
        region,
        { roles: Object.fromEntries(ROLES.map((role) => [role, { usergroup: roleGroupId(role, region) }])) },
      ]),
    ),
  });
}
