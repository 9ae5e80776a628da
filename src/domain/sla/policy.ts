// How the desk chases an SLA: reminders before it lapses, then escalation levels after (like an
// on-call escalation policy). Every threshold is counted in business minutes of the clock's own
// running time, so a paused clock neither nudges nor escalates, and nothing lands at night.

import { z } from 'zod';

/** Who a ping is for; the application resolves each to Slack mentions. */
export const AUDIENCES = ['step_owner', 'role_group', 'role_lead', 'desk_lead'] as const;
export type Audience = (typeof AUDIENCES)[number];

const BusinessMinutes = z
  .number({ message: 'must be a number of business minutes' })
  .int('must be a whole number of business minutes')
  .min(0, 'must be 0 or more business minutes')
  .max(100_000, 'must be at most 100000 business minutes');

export const EscalationLevelSchema = z.strictObject({
  /** Business minutes after the breach at which this level fires (the first level usually 0). */
  afterBusinessMinutes: BusinessMinutes,
  notify: z
    .array(z.enum(AUDIENCES, { message: `must be one of ${AUDIENCES.join(', ')}` }))
    .min(1, 'must name at least one audience'),
});
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

export const SlaPolicySchema = z
  .strictObject({
    /** Percentages of the SLA at which the step owner is nudged, ascending. */
    reminders: z
      .array(z.number().int().min(1, 'must be 1 to 99 percent').max(99, 'must be 1 to 99 percent'))
      .max(5, 'at most 5 reminders')
      .default([50, 75]),
    levels: z
      .array(EscalationLevelSchema)
      .min(1, 'must declare at least one escalation level')
      .max(6, 'at most 6 escalation levels')
      .default([
        { afterBusinessMinutes: 0, notify: ['step_owner', 'role_group'] },
        { afterBusinessMinutes: 120, notify: ['role_lead'] },
        { afterBusinessMinutes: 240, notify: ['desk_lead'] },
      ]),
    /** After the last level, repeat it every so many business minutes; absent: no repeat. */
    repeatEveryBusinessMinutes: BusinessMinutes.min(15, 'must be at least 15 business minutes').optional(),
  })
  .superRefine((policy, ctx) => {
    policy.reminders.forEach((percent, index) => {
      const before = policy.reminders[index - 1];
      if (before !== undefined && percent <= before) {
        ctx.addIssue({ code: 'custom', path: ['reminders', index], message: 'must be in ascending order' });
      }
    });
    policy.levels.forEach((level, index) => {
      const before = policy.levels[index - 1];
      if (before !== undefined && level.afterBusinessMinutes <= before.afterBusinessMinutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'afterBusinessMinutes'],
          message: `must be later than level ${index}'s ${before.afterBusinessMinutes}`,
        });
      }
    });
  });
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

export const DEFAULT_SLA_POLICY: SlaPolicy = SlaPolicySchema.parse({});

/** One thing the policy does at one threshold of the clock's consumed business minutes. */
export type AlertStep =
  | { type: 'reminder'; percent: number; threshold: number }
  | { type: 'escalation'; level: number; repeat: number; notify: Audience[]; threshold: number };

/**
 * The policy's steps in order: reminders, then levels, then (when configured) endless repeats of the
 * last level. `index` counts from 0; null past the end. Thresholds never decrease with the index.
 */
export function alertStep(policy: SlaPolicy, targetMinutes: number, index: number): AlertStep | null {
  const reminders = policy.reminders;
  if (index < reminders.length) {
    const percent = reminders[index] as number;
    return { type: 'reminder', percent, threshold: Math.ceil((targetMinutes * percent) / 100) };
  }
  const levelIndex = index - reminders.length;
  const levels = policy.levels;
  if (levelIndex < levels.length) {
    const level = levels[levelIndex] as EscalationLevel;
    return {
      type: 'escalation',
      level: levelIndex + 1,
      repeat: 0,
      notify: level.notify,
      threshold: targetMinutes + level.afterBusinessMinutes,
    };
  }
  const every = policy.repeatEveryBusinessMinutes;
  if (every === undefined) return null;
  const last = levels[levels.length - 1] as EscalationLevel;
  const repeat = levelIndex - levels.length + 1;
  return {
    type: 'escalation',
    level: levels.length,
    repeat,
    notify: last.notify,
    threshold: targetMinutes + last.afterBusinessMinutes + repeat * every,
  };
}
