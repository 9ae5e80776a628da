import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../src/domain/playbook/default-playbook.ts';
import { definePlaybook } from '../../../src/domain/playbook/parse.ts';
import { createPlaybookRegistry, formatPlaybookRef, refOf } from '../../../src/domain/playbook/registry.ts';
import { decide } from '../../../src/domain/workflow/decide.ts';
import { startWorkflow } from '../../../src/domain/workflow/start.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';

// Version 2 drops the optional step-1 evidence and adds a checklist item to step 1.
const v2 = definePlaybook({
  ...DEFAULT_PLAYBOOK,
  version: 2,
  steps: DEFAULT_PLAYBOOK.steps.map((step, index) =>
    index === 0
      ? { ...step, checklist: [...step.checklist, { id: 'po_attached', label: 'PO attached' }] }
      : step,
  ),
});

describe('the playbook registry', () => {
  const registry = createPlaybookRegistry([DEFAULT_PLAYBOOK, v2]);

  it('finds a playbook by id and version, and the latest version for new requests', () => {
    expect(registry.get({ id: 'subscription_booking', version: 1 })).toBe(DEFAULT_PLAYBOOK);
    expect(registry.get({ id: 'subscription_booking', version: 2 })).toBe(v2);
    expect(registry.get({ id: 'subscription_booking', version: 3 })).toBeUndefined();
    expect(registry.latest('subscription_booking')).toBe(v2);
    expect(registry.latest('nope')).toBeUndefined();
    expect(formatPlaybookRef(refOf(v2))).toBe('subscription_booking@v2');
  });

  it('refuses the same id and version twice', () => {
    expect(() => createPlaybookRegistry([DEFAULT_PLAYBOOK, DEFAULT_PLAYBOOK])).toThrow(
      'Playbook subscription_booking@v1 is registered twice.',
    );
  });

  it('keeps a request on the version it started with after a new version is published', () => {
    const { state } = startWorkflow(DEFAULT_PLAYBOOK, {
      requesterId: 'UREQ',
      at: new Date('2026-11-23T09:00:00Z'),
    });
    expect(state.playbook).toEqual({ id: 'subscription_booking', version: 1 });
    const book = registry.get(state.playbook)!;
    const actor = { userId: 'UOM', roles: ['order_management' as const], isDeskAdmin: false };
    let next: WorkflowState = state;
    for (const item of book.steps[0]!.checklist) {
      const result = decide(
        next,
        {
          type: 'tick',
          stepId: 'verify_quote',
          itemId: item.id,
          actor,
          at: new Date('2026-11-23T10:00:00Z'),
        },
        book,
      );
      if (!result.ok) throw new Error(result.message);
      next = result.state;
    }
    const done = decide(
      next,
      {
        type: 'complete',
        stepId: 'verify_quote',
        evidence: { quote_version: 'v1', quote_valid_until: '2026-12-01' },
        actor,
        at: new Date('2026-11-23T10:00:00Z'),
      },
      book,
    );
    expect(done.ok).toBe(true);
    expect(() =>
      decide(
        state,
        { type: 'take', stepId: 'verify_quote', actor, at: new Date('2026-11-23T10:00:00Z') },
        v2,
      ),
    ).toThrow('Request walks playbook subscription_booking@v1, not subscription_booking@v2.');
  });
});
