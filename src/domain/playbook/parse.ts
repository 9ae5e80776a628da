// Turns playbook data (from code, YAML or JSON) into a checked Playbook, or into precise messages
// such as `steps[3].decisions.reject.goTo: unknown step "foo"`.

import type { z } from 'zod';
import { findPlaybookProblems } from './integrity.ts';
import { type Playbook, PlaybookShapeSchema } from './schema.ts';

/**
 * The full check: the shape, then the cross-references. Cross-references are only checked on a
 * well-shaped playbook, so one typo gives one message rather than a cascade of "unknown step".
 */
export const PlaybookSchema = PlaybookShapeSchema.superRefine(
  (playbook, ctx) => {
    for (const problem of findPlaybookProblems(playbook)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  },
  { when: (payload) => payload.issues.length === 0 },
);

export type PlaybookParse = { ok: true; playbook: Playbook } | { ok: false; errors: string[] };

export function parsePlaybook(input: unknown): PlaybookParse {
  const result = PlaybookSchema.safeParse(input);
  if (result.success) return { ok: true, playbook: result.data };
  return { ok: false, errors: result.error.issues.map(describeIssue) };
}

/** For playbooks written in code: a broken one is a programming error and fails loudly at load. */
export function definePlaybook(input: unknown): Playbook {
  const result = parsePlaybook(input);
  if (!result.ok) throw new Error(`Invalid playbook:\n${result.errors.join('\n')}`);
  return result.playbook;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path) || 'playbook'}: ${issue.message}`;
}

/** ['steps', 3, 'decisions', 'reject', 'goTo'] → steps[3].decisions.reject.goTo */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
