// Fills the emulated workspace with the cast: people, the desk channel, a user group per role and
// region holding that region's specialist, the desk admins (the desk lead) and Sales Support.

import { REGIONS } from '../domain/regions.ts';
import { ROLES } from '../domain/roles.ts';
import type { SlackEmulator } from '../emulator/index.ts';
import {
  CAST,
  DESK_ADMINS_GROUP,
  DESK_CHANNEL,
  roleGroup,
  SALES_SUPPORT_GROUP,
  specialistOf,
} from './cast.ts';

export function seedPlayground(emulator: SlackEmulator): void {
  for (const { id, name, realName, tz } of CAST) emulator.addUser({ id, name, realName, tz });
  emulator.addChannel({ ...DESK_CHANNEL });
  for (const region of REGIONS) {
    for (const role of ROLES) {
      emulator.addUsergroup({ ...roleGroup(role, region), users: [specialistOf(role, region).id] });
    }
  }
  const members = (duty: string) => CAST.filter((member) => member.duty === duty).map((member) => member.id);
  emulator.addUsergroup({ ...DESK_ADMINS_GROUP, name: 'Desk admins', users: members('desk_lead') });
  emulator.addUsergroup({ ...SALES_SUPPORT_GROUP, name: 'Sales Support', users: members('sales_support') });
}
