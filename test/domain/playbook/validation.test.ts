import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../src/domain/playbook/default-playbook.ts';
import { definePlaybook, formatPath, parsePlaybook } from '../../../src/domain/playbook/parse.ts';
import type { PlaybookInput, StepInput } from '../../../src/domain/playbook/schema.ts';

function aStep(id: string, overrides: Partial<StepInput> = {}): StepInput {
  return {
    id,
    role: 'order_management',
    title: `Step ${id}`,
    checklist: [{ id: 'done', label: 'Done' }],
    decisions: { complete: {} },
    ...overrides,
  };
}

function aPlaybook(overrides: Partial<PlaybookInput> = {}): PlaybookInput {
  return {
    id: 'test_book',
    version: 1,
    name: 'Test',
    steps: [aStep('one'), aStep('two'), aStep('three'), aStep('four')],
    slas: {
      approval: { businessHours: 12, stoppedBy: { stepId: 'three', on: 'completed' } },
      response: { businessHours: 6 },
    },
    amendments: {
      commercialChange: { resumeAt: 'step', stepId: 'one' },
      otherChange: { resumeAt: 'requesting_step' },
    },
    ...overrides,
  };
}

function errorsOf(input: unknown): string[] {
  const result = parsePlaybook(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function withStep(index: number, step: StepInput): PlaybookInput {
  const steps = [...aPlaybook().steps];
  steps[index] = step;
  return aPlaybook({ steps });
}

describe('playbook validation', () => {
  it('accepts a minimal playbook and fills in defaults', () => {
    const result = parsePlaybook(aPlaybook());
    expect(result.ok).toBe(true);
    expect(result.ok && result.playbook.steps[0]).toMatchObject({
      checklist: [{ id: 'done', mandatory: true }],
      evidence: [],
    });
  });

  it('refuses a playbook without steps', () => {
    expect(errorsOf(aPlaybook({ steps: [] }))).toEqual(['steps: must declare at least one step']);
  });

  it('names an unknown step a rejection goes back to', () => {
    const broken = withStep(
      3,
      aStep('four', { decisions: { complete: {}, reject: { leadsTo: 'earlier_step', goTo: 'foo' } } }),
    );
    expect(errorsOf(broken)).toEqual(['steps[3].decisions.reject.goTo: unknown step "foo"']);
  });

  it('refuses a rejection that goes back to itself or forward, or that lacks its target', () => {
    const forward = withStep(
      1,
      aStep('two', { decisions: { complete: {}, reject: { leadsTo: 'earlier_step', goTo: 'three' } } }),
    );
    expect(errorsOf(forward)).toEqual(['steps[1].decisions.reject.goTo: "three" must be an earlier step']);
    const missing = withStep(
      1,
      aStep('two', { decisions: { complete: {}, reject: { leadsTo: 'earlier_step' } } }),
    );
    expect(errorsOf(missing)).toEqual([
      'steps[1].decisions.reject.goTo: is required when leadsTo is "earlier_step"',
    ]);
    const stray = withStep(
      1,
      aStep('two', { decisions: { complete: {}, reject: { leadsTo: 'rejection', goTo: 'one' } } }),
    );
    expect(errorsOf(stray)).toEqual([
      'steps[1].decisions.reject.goTo: is only used when leadsTo is "earlier_step" (it is "rejection")',
    ]);
  });

  it('refuses a completion that jumps to an unknown or earlier step', () => {
    expect(errorsOf(withStep(2, aStep('three', { decisions: { complete: { goTo: 'nowhere' } } })))).toEqual([
      'steps[2].decisions.complete.goTo: unknown step "nowhere"',
    ]);
    expect(errorsOf(withStep(2, aStep('three', { decisions: { complete: { goTo: 'one' } } })))).toEqual([
      'steps[2].decisions.complete.goTo: "one" must come after this step',
    ]);
  });

  it('refuses duplicate ids, naming both places', () => {
    expect(errorsOf(withStep(1, aStep('one')))).toEqual([
      'steps[1].id: duplicate step id "one" (also steps[0])',
    ]);
    const items = aStep('two', {
      checklist: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'A again' },
      ],
    });
    expect(errorsOf(withStep(1, items))).toEqual([
      'steps[1].checklist[1].id: duplicate checklist item id "a" (also [0])',
    ]);
    const fields = aStep('two', {
      evidence: [
        { id: 'ref', label: 'Ref', type: 'date' },
        { id: 'ref', label: 'Ref', type: 'slack_user' },
      ],
    });
    expect(errorsOf(withStep(1, fields))).toEqual([
      'steps[1].evidence[1].id: duplicate evidence field id "ref" (also [0])',
    ]);
    const categories = aStep('two', {
      decisions: {
        complete: {},
        escalate: {
          escalateTo: 'Boss',
          categories: [
            { id: 'x', label: 'X' },
            { id: 'x', label: 'Y' },
          ],
        },
      },
    });
    expect(errorsOf(withStep(1, categories))).toEqual([
      'steps[1].decisions.escalate.categories[1].id: duplicate category id "x" (also [0])',
    ]);
  });

  it('refuses a step SLA that is not positive', () => {
    expect(errorsOf(withStep(3, aStep('four', { slaBusinessHours: 0 })))).toEqual([
      'steps[3].slaBusinessHours: must be a positive number of business hours',
    ]);
    expect(errorsOf(withStep(3, aStep('four', { slaBusinessHours: -4 })))).toEqual([
      'steps[3].slaBusinessHours: must be a positive number of business hours',
    ]);
  });

  it('refuses playbook SLAs that are not positive or are stopped by an unknown step', () => {
    const slas = {
      approval: { businessHours: 0, stoppedBy: { stepId: 'three', on: 'completed' as const } },
      response: { businessHours: 6 },
    };
    expect(errorsOf(aPlaybook({ slas }))).toEqual([
      'slas.approval.businessHours: must be a positive number of business hours',
    ]);
    const unknown = {
      ...slas,
      approval: { businessHours: 12, stoppedBy: { stepId: 'book', on: 'completed' as const } },
    };
    expect(errorsOf(aPlaybook({ slas: unknown }))).toEqual([
      'slas.approval.stoppedBy.stepId: unknown step "book"',
    ]);
  });

  it('refuses an amendment that resumes at an unknown step', () => {
    const amendments = {
      commercialChange: { resumeAt: 'step' as const, stepId: 'zero' },
      otherChange: { resumeAt: 'requesting_step' as const },
    };
    expect(errorsOf(aPlaybook({ amendments }))).toEqual([
      'amendments.commercialChange.stepId: unknown step "zero"',
    ]);
  });

  it('refuses an unknown role, a misspelt decision and a missing completion', () => {
    const role = withStep(0, { ...aStep('one'), role: 'finance' as never });
    expect(errorsOf(role)).toEqual([
      'steps[0].role: must be one of order_management, revenue_operations, billing, customer_operations',
    ]);
    const typo = withStep(0, aStep('one', { decisions: { complete: {}, rejct: {} } as never }));
    expect(errorsOf(typo)).toEqual([expect.stringMatching(/^steps\[0\]\.decisions: .*rejct/)]);
    const noComplete = withStep(0, aStep('one', { decisions: {} as never }));
    expect(errorsOf(noComplete)).toEqual([expect.stringMatching(/^steps\[0\]\.decisions\.complete: /)]);
  });

  it('refuses a reference field whose pattern is broken or whose example does not match it', () => {
    const broken = aStep('one', {
      evidence: [{ id: 'ref', label: 'Ref', type: 'reference', pattern: '[A-Z', example: 'A' }],
    });
    expect(errorsOf(withStep(0, broken))).toEqual([
      'steps[0].evidence[0].pattern: is not a valid regular expression',
    ]);
    const mismatch = aStep('one', {
      evidence: [{ id: 'ref', label: 'Ref', type: 'reference', pattern: 'SO-[0-9]+', example: 'ORD-1' }],
    });
    expect(errorsOf(withStep(0, mismatch))).toEqual([
      'steps[0].evidence[0].example: "ORD-1" does not match the pattern SO-[0-9]+',
    ]);
  });

  it('refuses a category requirement without categories, and a milestone reached twice', () => {
    const required = aStep('two', {
      decisions: { complete: {}, reject: { leadsTo: 'rejection', categoryRequired: true } },
    });
    expect(errorsOf(withStep(1, required))).toEqual([
      'steps[1].decisions.reject.categoryRequired: needs categories to choose from',
    ]);
    const steps = [
      aStep('one', { milestone: 'booked' }),
      aStep('two', { milestone: 'booked' }),
      aStep('three'),
    ];
    expect(errorsOf(aPlaybook({ steps }))).toEqual([
      'steps[1].milestone: milestone "booked" is already reached at steps[0]',
    ]);
  });

  it('reports every shape problem at once, and refuses ids that are not snake case', () => {
    const steps = [aStep('One'), aStep('two', { slaBusinessHours: 0 }), aStep('three')];
    expect(errorsOf(aPlaybook({ steps }))).toEqual([
      'steps[0].id: must be lower snake case (a-z, 0-9, "_"), at most 48 characters',
      'steps[1].slaBusinessHours: must be a positive number of business hours',
    ]);
  });

  it('fails loudly when a playbook defined in code is broken', () => {
    expect(() => definePlaybook(aPlaybook({ steps: [] }))).toThrow('steps: must declare at least one step');
    expect(definePlaybook(DEFAULT_PLAYBOOK)).toEqual(DEFAULT_PLAYBOOK);
  });

  it('formats paths the way people read them', () => {
    expect(formatPath(['steps', 3, 'decisions', 'reject', 'goTo'])).toBe('steps[3].decisions.reject.goTo');
    expect(formatPath([])).toBe('');
  });
});
