// The desk config of the demo, built in code with the same schema as booking-desk.yml.

import { type DeskConfig, DeskConfigSchema } from '../config/desk-config.ts';
import { REGIONS } from '../domain/regions.ts';
import { ROLES } from '../domain/roles.ts';
import { DESK_ADMINS_GROUP, DESK_CHANNEL, DESK_LEAD, roleGroup, SALES_SUPPORT_GROUP } from './cast.ts';

export function demoDeskConfig(): DeskConfig {
  return DeskConfigSchema.parse({
    deskChannel: DESK_CHANNEL.id,
    deskAdmins: { usergroup: DESK_ADMINS_GROUP.id, users: [DESK_LEAD.id] },
    salesSupport: { usergroup: SALES_SUPPORT_GROUP.id },
    regions: Object.fromEntries(
      REGIONS.map((region) => [
        region,
        { roles: Object.fromEntries(ROLES.map((role) => [role, { usergroup: roleGroup(role, region).id }])) },
      ]),
    ),
  });
}
