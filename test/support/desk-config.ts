// A desk config for tests: the same shape people write, with IDs the emulator seeds.

import { type DeskConfig, DeskConfigSchema } from '../../src/config/desk-config.ts';
import { REGIONS } from '../../src/domain/regions.ts';
import { ROLES } from '../../src/domain/roles.ts';

export const DESK_CHANNEL = 'C0DESK';

export const PEOPLE = {
  rep: { id: 'U0REP', name: 'rita', realName: 'Rita Rep', tz: 'Europe/London' },
  apacRep: { id: 'U0APACREP', name: 'arjun', realName: 'Arjun Rep', tz: 'Australia/Sydney' },
  lead: { id: 'U0LEAD', name: 'dana', realName: 'Dana Lead', tz: 'Europe/London' },
  orderManagement: { id: 'U0OMEMEA', name: 'omar', realName: 'Omar Orders', tz: 'Europe/London' },
  revenueOps: { id: 'U0ROEMEA', name: 'rosa', realName: 'Rosa RevOps', tz: 'Europe/Paris' },
  billing: { id: 'U0BILEMEA', name: 'bill', realName: 'Bill Billing', tz: 'Europe/London' },
  customerOps: { id: 'U0COEMEA', name: 'cora', realName: 'Cora CustOps', tz: 'Europe/Dublin' },
  apacBilling: { id: 'U0BILAPAC', name: 'bao', realName: 'Bao Billing', tz: 'Australia/Sydney' },
} as const;

/** Who holds each role in EMEA (and one APAC specialist, to prove regions matter). */
export const EMEA_SPECIALISTS = {
  order_management: PEOPLE.orderManagement.id,
  revenue_operations: PEOPLE.revenueOps.id,
  billing: PEOPLE.billing.id,
  customer_operations: PEOPLE.customerOps.id,
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
