// The playground's desk config: the example config's shape (four regions, a user group per role and
// region, desk admins, Sales Support), with the ids the playground seeds. Built in code so it
// always matches the cast; validated by the same schema as booking-desk.yml.

import { type DeskConfig, DeskConfigSchema } from '../config/desk-config.ts';
import { REGIONS } from '../domain/regions.ts';
import { ROLES } from '../domain/roles.ts';
import { DESK_ADMINS_GROUP, DESK_CHANNEL, roleGroup, SALES_SUPPORT_GROUP } from './cast.ts';

export function playgroundDeskConfig(): DeskConfig {
  return DeskConfigSchema.parse({
    deskChannel: DESK_CHANNEL.id,
    deskAdmins: { usergroup: DESK_ADMINS_GROUP.id },
    salesSupport: { usergroup: SALES_SUPPORT_GROUP.id },
    regions: Object.fromEntries(
      REGIONS.map((region) => [
        region,
        { roles: Object.fromEntries(ROLES.map((role) => [role, { usergroup: roleGroup(role, region).id }])) },
      ]),
    ),
  });
}
