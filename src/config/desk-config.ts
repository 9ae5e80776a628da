// The desk config file (YAML): who works the desk in which region and role. Validated with zod;
// every problem is reported with its line in the file.

import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import {
  type BusinessCalendar,
  createRegionCalendars,
  type RegionCalendarConfigInput,
  regionCalendarConfigSchema,
} from '../domain/calendar/index.ts';
import { REGIONS, type Region } from '../domain/regions.ts';
import { ROLES } from '../domain/roles.ts';
import { SlaPolicySchema } from '../domain/sla/policy.ts';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const SLACK_USERGROUP_ID = /^S[A-Z0-9]{2,}$/;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

const UserIdSchema = z.string().regex(SLACK_USER_ID, { error: 'must be a Slack user ID such as U0123ABCD' });

const membersShape = {
  usergroup: z
    .string()
    .regex(SLACK_USERGROUP_ID, { error: 'must be a Slack user group ID such as S0123ABCD' })
    .optional(),
  users: z.array(UserIdSchema).default([]),
};

const namesSomeone = (members: { usergroup?: string | undefined; users: string[] }) =>
  members.usergroup !== undefined || members.users.length > 0;

/** Members of a group of people: a Slack user group, explicit user IDs, or both. */
export const MembersSchema = z
  .strictObject(membersShape)
  .refine(namesSomeone, { error: 'name a usergroup, users, or both' });
export type Members = z.infer<typeof MembersSchema>;

/** A role in a region: its members, the lead escalations reach, and a backup pool for thin days. */
export const RoleMembersSchema = z
  .strictObject({
    ...membersShape,
    /** Pinged at the escalation level that names `role_lead`. */
    lead: UserIdSchema.optional(),
    /** The same role of this region covers on period-end days and dates marked short-staffed. */
    backup: z.enum(REGIONS, { error: `must be one of ${REGIONS.join(', ')}` }).optional(),
  })
  .refine(namesSomeone, { error: 'name a usergroup, users, or both' });
export type RoleMembers = z.infer<typeof RoleMembersSchema>;

const RolesSchema = z.strictObject(
  Object.fromEntries(ROLES.map((role) => [role, RoleMembersSchema])) as Record<
    (typeof ROLES)[number],
    typeof RoleMembersSchema
  >,
);

function regionConfigSchema(region: Region) {
  return z.strictObject({
    /** Support hours, holidays, cut-off and period ends; every field defaults for the region. */
    calendar: regionCalendarConfigSchema(region),
    roles: RolesSchema,
  });
}
export type RegionConfig = z.infer<ReturnType<typeof regionConfigSchema>>;

export const DeskConfigSchema = z.strictObject({
  deskChannel: z.string().regex(SLACK_CHANNEL_ID, { error: 'must be a Slack channel ID such as C0123ABCD' }),
  deskAdmins: MembersSchema,
  /** Pinged at the escalation level that names `desk_lead`; the desk admins when left out. */
  deskLeads: MembersSchema.optional(),
  salesSupport: MembersSchema,
  regions: z
    .strictObject(
      Object.fromEntries(REGIONS.map((region) => [region, regionConfigSchema(region)])) as {
        [R in Region]: ReturnType<typeof regionConfigSchema>;
      },
    )
    .superRefine((regions, ctx) => {
      for (const region of REGIONS) {
        for (const role of ROLES) {
          if (regions[region].roles[role].backup === region) {
            ctx.addIssue({
              code: 'custom',
              path: [region, 'roles', role, 'backup'],
              message: `must name another region: ${region} cannot back itself up`,
            });
          }
        }
      }
    }),
  /** Reminders before an SLA lapses and the escalation levels after. */
  sla: SlaPolicySchema.prefault({}),
  /** The desk's KPI targets, shown against the figures on the lead's Home and in /book stats. */
  kpis: z
    .strictObject({
      /** Share of orders reaching billing that billing does not reject, in percent. */
      approvalAccuracyTarget: z.number().min(0).max(100).default(95),
      /** Share of approval and response SLAs met, in percent. */
      slaAttainmentTarget: z.number().min(0).max(100).default(95),
      /** Share of 4s and 5s in the quarterly satisfaction survey, in percent. */
      satisfactionTarget: z.number().min(0).max(100).default(92),
    })
    .prefault({}),
  /** The quarterly satisfaction survey of everyone who submitted a request in the quarter before. */
  survey: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** One reminder this many business days after the survey was sent (in the requester's region). */
      reminderAfterBusinessDays: z.number().int().min(1).max(20).default(3),
    })
    .prefault({}),
  /** How long requests and audit events are kept; a daily job purges older ones. */
  retention: z
    .strictObject({
      months: z
        .number()
        .int()
        .min(12, { error: 'must be at least 12 months: the desk reports on the year before' })
        .max(240)
        .default(24),
    })
    .prefault({}),
  intake: z
    .strictObject({
      maxBackdateDays: z.number().int().min(0).max(365).default(30),
      maxForwardDays: z.number().int().min(1).max(1095).default(365),
    })
    .default({ maxBackdateDays: 30, maxForwardDays: 365 }),
});
export type DeskConfig = z.infer<typeof DeskConfigSchema>;

export type DeskConfigResult = { ok: true; config: DeskConfig } | { ok: false; message: string };

export function parseDeskConfig(text: string, path: string): DeskConfigResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      return `  ${path}:${line}: ${error.message.split('\n')[0]}`;
    });
    return { ok: false, message: [`The desk config is not valid YAML:`, ...problems].join('\n') };
  }
  const parsed = DeskConfigSchema.safeParse(document.toJS());
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const keys = issue.path.map(String);
    // For an unknown key, point at the key itself rather than at the object holding it.
    const lookup = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const line = lineOf(document, lineCounter, lookup);
    const where = keys.length > 0 ? keys.join('.') : '(top level)';
    return `  ${path}:${line}: ${where} ${issue.message}`;
  });
  return { ok: false, message: [`The desk config ${path} has problems:`, ...problems].join('\n') };
}

export async function loadDeskConfig(path: string): Promise<DeskConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {
      ok: false,
      message: `The desk config file ${path} cannot be read. Copy booking-desk.example.yml to ${path} and fill in your channel and groups, or point BOOKING_DESK_CONFIG at it.`,
    };
  }
  return parseDeskConfig(text, path);
}

type YamlDocument = ReturnType<typeof parseDocument>;

/** The line of the deepest node of the path that exists in the document. */
function lineOf(document: YamlDocument, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = document.contents;
  let offset = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value) === String(key),
      );
      if (!pair) break;
      const keyRange = (pair.key as { range?: [number, number, number] }).range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else break;
  }
  return lineCounter.linePos(offset).line;
}

const calendarsByConfig = new WeakMap<DeskConfig, Record<Region, BusinessCalendar>>();

/** The business calendar of every region, built once per config (calendars cache their days). */
export function deskCalendars(config: DeskConfig): Record<Region, BusinessCalendar> {
  const known = calendarsByConfig.get(config);
  if (known) return known;
  const calendars = createRegionCalendars(
    Object.fromEntries(REGIONS.map((region) => [region, config.regions[region].calendar])) as Record<
      Region,
      RegionCalendarConfigInput
    >,
  );
  calendarsByConfig.set(config, calendars);
  return calendars;
}
