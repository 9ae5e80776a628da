// Who is in the playground's workspace: a sales rep and a specialist per role in every region, Sales
// Support and a desk lead. The EMEA people are the demo's (same ids and names), so the demo, the
// tests and the playground tell the same story. One source for seeding the emulator, the desk
// config and the page's "viewing as" list.

import { DESK_LEAD, REQUESTER, SPECIALISTS } from '../demo/cast.ts';
import { REGIONS, type Region } from '../domain/regions.ts';
import { ROLE_LABELS, ROLES, type Role } from '../domain/roles.ts';

export { DESK_ADMINS_GROUP, DESK_CHANNEL, roleGroup, SALES_SUPPORT_GROUP } from '../demo/cast.ts';

export type Duty = Role | 'rep' | 'desk_lead' | 'sales_support';

export interface CastMember {
  id: string;
  /** Slack handle. */
  name: string;
  realName: string;
  tz: string;
  duty: Duty;
  /** The region they work in; none for the desk lead and Sales Support. */
  region: Region | null;
}

type Named = Pick<CastMember, 'id' | 'name' | 'realName' | 'tz'>;

const person = (id: string, realName: string, tz: string): Named => ({
  id,
  name: realName.split(' ')[0]!.toLowerCase(),
  realName,
  tz,
});

const SPECIALISTS_BY_REGION: Record<Region, Record<Role, Named>> = {
  APAC: {
    order_management: person('U0OMAPAC', 'Aiko Orders', 'Australia/Sydney'),
    revenue_operations: person('U0ROAPAC', 'Arun RevOps', 'Asia/Singapore'),
    billing: person('U0BILAPAC', 'Bao Billing', 'Australia/Sydney'),
    customer_operations: person('U0COAPAC', 'Chloe CustOps', 'Australia/Melbourne'),
  },
  EMEA: SPECIALISTS,
  AMER: {
    order_management: person('U0OMAMER', 'Maya Orders', 'America/Los_Angeles'),
    revenue_operations: person('U0ROAMER', 'Rick RevOps', 'America/New_York'),
    billing: person('U0BILAMER', 'Beth Billing', 'America/Chicago'),
    customer_operations: person('U0COAMER', 'Carl CustOps', 'America/Denver'),
  },
  LATAM: {
    order_management: person('U0OMLATAM', 'Lucas Orders', 'America/Sao_Paulo'),
    revenue_operations: person('U0ROLATAM', 'Renata RevOps', 'America/Mexico_City'),
    billing: person('U0BILLATAM', 'Bruno Billing', 'America/Sao_Paulo'),
    customer_operations: person('U0COLATAM', 'Camila CustOps', 'America/Bogota'),
  },
};

/** A rep per region; the app guesses a request's region from the rep's time zone. */
const REPS: Record<Region, Named> = {
  APAC: person('U0REPAPAC', 'Arjun Rep', 'Australia/Sydney'),
  EMEA: REQUESTER,
  AMER: person('U0REPAMER', 'Sam Rep', 'America/New_York'),
  LATAM: person('U0REPLATAM', 'Lucia Rep', 'America/Sao_Paulo'),
};

export const SALES_SUPPORT_PERSON: Named = person('U0SUPPORT', 'Sol Support', 'Europe/London');

/** Everyone, in the order the "viewing as" list shows them: reps, then the desk, region by region. */
export const CAST: readonly CastMember[] = [
  ...REGIONS.map((region): CastMember => ({ ...REPS[region], duty: 'rep', region })),
  ...REGIONS.flatMap((region) =>
    ROLES.map((role): CastMember => ({ ...SPECIALISTS_BY_REGION[region][role], duty: role, region })),
  ),
  { ...DESK_LEAD, duty: 'desk_lead', region: null },
  { ...SALES_SUPPORT_PERSON, duty: 'sales_support', region: null },
];

/** The person the page acts as when it opens: the EMEA rep. */
export const FIRST_VIEWER = REQUESTER.id;

/** Who holds a role in a region. */
export function specialistOf(role: Role, region: Region): CastMember {
  return CAST.find((member) => member.duty === role && member.region === region)!;
}

export function repOf(region: Region): CastMember {
  return CAST.find((member) => member.duty === 'rep' && member.region === region)!;
}

const DUTY_LABELS: Record<Duty, string> = {
  ...ROLE_LABELS,
  rep: 'Sales rep',
  desk_lead: 'Desk lead',
  sales_support: 'Sales Support',
};

/** "Billing · EMEA", "Desk lead". */
export function dutyLabel(member: Pick<CastMember, 'duty' | 'region'>): string {
  const label = DUTY_LABELS[member.duty];
  return member.region ? `${label} · ${member.region}` : label;
}
