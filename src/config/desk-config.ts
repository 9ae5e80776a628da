// The desk config file (YAML): who works the desk in which region and role. Validated with zod;
// every problem is reported with its line in the file.

import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { REGIONS } from '../domain/regions.ts';
import { ROLES } from '../domain/roles.ts';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const SLACK_USERGROUP_ID = /^S[A-Z0-9]{2,}$/;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** Members of a role: a Slack user group, explicit user IDs, or both. */
export const MembersSchema = z
  .strictObject({
    usergroup: z
      .string()
      .regex(SLACK_USERGROUP_ID, { error: 'must be a Slack user group ID such as S0123ABCD' })
      .optional(),
    users: z
      .array(z.string().regex(SLACK_USER_ID, { error: 'must be a Slack user ID such as U0123ABCD' }))
      .default([]),
  })
  .refine((members) => members.usergroup !== undefined || members.users.length > 0, {
    error: 'name a usergroup, users, or both',
  });
export type Members = z.infer<typeof MembersSchema>;

const RoleMembersSchema = z.strictObject(
  Object.fromEntries(ROLES.map((role) => [role, MembersSchema])) as Record<
    (typeof ROLES)[number],
    typeof MembersSchema
  >,
);

export const RegionConfigSchema = z.strictObject({
  roles: RoleMembersSchema,
});

export const DeskConfigSchema = z.strictObject({
  deskChannel: z.string().regex(SLACK_CHANNEL_ID, { error: 'must be a Slack channel ID such as C0123ABCD' }),
  deskAdmins: MembersSchema,
  salesSupport: MembersSchema,
  regions: z.strictObject(
    Object.fromEntries(REGIONS.map((region) => [region, RegionConfigSchema])) as Record<
      (typeof REGIONS)[number],
      typeof RegionConfigSchema
    >,
  ),
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
