// Who is in the demo workspace: the rep who books, the EMEA specialists who work the steps, and the
// desk channel. One source for seeding the emulator, the desk config and the transcript's names.

import type { Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';

export interface Person {
  id: string;
  name: string;
  realName: string;
  tz: string;
}

export const DESK_CHANNEL = { id: 'C0DESK', name: 'booking-desk' } as const;

/** The region the sample booking is made in; its role groups hold the specialists below. */
export const DEMO_REGION: Region = 'EMEA';

export const REQUESTER: Person = { id: 'U0REP', name: 'rita', realName: 'Rita Rep', tz: 'Europe/London' };
export const DESK_LEAD: Person = { id: 'U0LEAD', name: 'dana', realName: 'Dana Lead', tz: 'Europe/London' };

/** Who holds each role in the demo region. */
export const SPECIALISTS: Record<Role, Person> = {
  order_management: { id: 'U0OMEMEA', name: 'omar', realName: 'Omar Orders', tz: 'Europe/London' },
  revenue_operations: { id: 'U0ROEMEA', name: 'rosa', realName: 'Rosa RevOps', tz: 'Europe/Paris' },
  billing: { id: 'U0BILEMEA', name: 'bill', realName: 'Bill Billing', tz: 'Europe/London' },
  customer_operations: { id: 'U0COEMEA', name: 'cora', realName: 'Cora CustOps', tz: 'Europe/Dublin' },
};

export const EVERYONE: readonly Person[] = [REQUESTER, DESK_LEAD, ...Object.values(SPECIALISTS)];

export const DESK_ADMINS_GROUP = { id: 'S0DESKADMIN', handle: 'desk-admins' } as const;
export const SALES_SUPPORT_GROUP = { id: 'S0SALESSUP', handle: 'sales-support' } as const;

/** The user group of a role in a region, e.g. S0BILLINGEMEA (@billing-emea). */
export function roleGroup(role: Role, region: Region): { id: string; handle: string } {
  return {
    id: `S0${role.replaceAll('_', '').toUpperCase()}${region}`,
    handle: `${role.replaceAll('_', '-')}-${region.toLowerCase()}`,
  };
}
