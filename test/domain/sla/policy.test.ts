// The escalation policy: its defaults, what the schema refuses, and the ordered list of alert steps.

import { describe, expect, it } from 'vitest';
import { alertStep, DEFAULT_SLA_POLICY, SlaPolicySchema } from '../../../src/domain/sla/index.ts';
import { policy } from './support.ts';

function steps(p = DEFAULT_SLA_POLICY, target = 720, count = 10) {
  return Array.from({ length: count }, (_, index) => alertStep(p, target, index));
}

describe('the SLA policy', () => {
  it('defaults to reminders at 50% and 75% and three levels at 0, 120 and 240 minutes after the breach', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      reminders: [50, 75],
      levels: [
        { afterBusinessMinutes: 0, notify: ['step_owner', 'role_group'] },
        { afterBusinessMinutes: 120, notify: ['role_lead'] },
        { afterBusinessMinutes: 240, notify: ['desk_lead'] },
      ],
    });
  });

  it.each([
    [{ reminders: [75, 50] }, 'reminders.1'],
    [{ reminders: [50, 50] }, 'reminders.1'],
    [{ reminders: [0] }, 'reminders.0'],
    [{ reminders: [100] }, 'reminders.0'],
    [{ reminders: [12.5] }, 'reminders.0'],
    [{ reminders: [10, 20, 30, 40, 50, 60] }, 'reminders'],
    [{ levels: [] }, 'levels'],
    [{ levels: [{ afterBusinessMinutes: 0, notify: [] }] }, 'levels.0.notify'],
    [{ levels: [{ afterBusinessMinutes: 0, notify: ['boss'] }] }, 'levels.0.notify.0'],
    [{ levels: [{ afterBusinessMinutes: -1, notify: ['desk_lead'] }] }, 'levels.0.afterBusinessMinutes'],
    [
      {
        levels: [
          { afterBusinessMinutes: 60, notify: ['role_lead'] },
          { afterBusinessMinutes: 60, notify: ['desk_lead'] },
        ],
      },
      'levels.1.afterBusinessMinutes',
    ],
    [{ repeatEveryBusinessMinutes: 14 }, 'repeatEveryBusinessMinutes'],
    [{ repeatEveryBusinessMinutes: 100_001 }, 'repeatEveryBusinessMinutes'],
    [{ extra: true }, ''],
  ])('refuses %j (at %s)', (input, path) => {
    const parsed = SlaPolicySchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('lists the default steps in order: two reminders, three levels, then nothing', () => {
    expect(steps()).toEqual([
      { type: 'reminder', percent: 50, threshold: 360 },
      { type: 'reminder', percent: 75, threshold: 540 },
      { type: 'escalation', level: 1, repeat: 0, notify: ['step_owner', 'role_group'], threshold: 720 },
      { type: 'escalation', level: 2, repeat: 0, notify: ['role_lead'], threshold: 840 },
      { type: 'escalation', level: 3, repeat: 0, notify: ['desk_lead'], threshold: 960 },
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('repeats the last level forever when asked to', () => {
    const repeating = policy({ reminders: [], repeatEveryBusinessMinutes: 60 });
    const list = steps(repeating, 480, 6);
    expect(list.map((step) => step?.threshold)).toEqual([480, 600, 720, 780, 840, 900]);
    expect(list[4]).toEqual({
      type: 'escalation',
      level: 3,
      repeat: 2,
      notify: ['desk_lead'],
      threshold: 840,
    });
    expect(alertStep(repeating, 480, 1_000)?.threshold).toBe(720 + 998 * 60);
  });

  it('rounds reminder thresholds up to whole minutes and never lets them decrease', () => {
    const p = policy({ reminders: [1, 33, 50, 99] });
    expect(steps(p, 45, 5).map((step) => step?.threshold)).toEqual([1, 15, 23, 45, 45]);
    for (const target of [1, 2, 3, 7, 45, 100, 719, 720]) {
      const thresholds = steps(p, target, 8).map((step) => step?.threshold ?? Number.POSITIVE_INFINITY);
      expect([...thresholds].sort((a, b) => a - b)).toEqual(thresholds);
      expect(thresholds.slice(0, 4).every((threshold) => threshold >= 1 && threshold <= target)).toBe(true);
    }
  });
});
