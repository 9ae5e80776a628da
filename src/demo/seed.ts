// Fills the emulated workspace: the people, the desk channel, and a user group per role and region
// (the demo region's groups hold its specialists; the others are empty). Returns what the emulator
// stored, so the transcript names people, channels and groups as the workspace does.

import { REGIONS } from '../domain/regions.ts';
import { ROLES } from '../domain/roles.ts';
import type { EmulatedChannel, EmulatedUser, EmulatedUsergroup, SlackEmulator } from '../emulator/index.ts';
import {
  DEMO_REGION,
  DESK_ADMINS_GROUP,
  DESK_CHANNEL,
  DESK_LEAD,
  EVERYONE,
  roleGroup,
  SALES_SUPPORT_GROUP,
  SPECIALISTS,
} from './cast.ts';

export interface SeededWorkspace {
  users: EmulatedUser[];
  channels: EmulatedChannel[];
  usergroups: EmulatedUsergroup[];
}

export function seedWorkspace(emulator: SlackEmulator): SeededWorkspace {
  const users = EVERYONE.map((person) => emulator.addUser({ ...person }));
  const channels = [emulator.addChannel({ ...DESK_CHANNEL })];
  const usergroups = REGIONS.flatMap((region) =>
    ROLES.map((role) =>
      emulator.addUsergroup({
        ...roleGroup(role, region),
        users: region === DEMO_REGION ? [SPECIALISTS[role].id] : [],
      }),
    ),
  );
  usergroups.push(emulator.addUsergroup({ ...DESK_ADMINS_GROUP, users: [DESK_LEAD.id] }));
  usergroups.push(emulator.addUsergroup({ ...SALES_SUPPORT_GROUP, users: [] }));
  return { users, channels, usergroups };
}
