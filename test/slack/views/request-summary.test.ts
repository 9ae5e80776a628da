import { describe, expect, it } from 'vitest';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import { cardProgressBlocks, progressBar } from '../../../src/slack/views/request-summary.ts';
import { statusCard } from '../../../src/slack/views/status-card.ts';
import {
  admin,
  apply,
  at,
  billing,
  completeStep,
  om,
  playbook,
  requester,
  revops,
  started,
  walked,
} from '../../domain/workflow/support.ts';
import { aBooking } from '../../transcript/fixtures.ts';
import { expectValidMessage, HOSTILE, HOSTILE_ESCAPED, mrkdwn } from './support.ts';

function card(state: WorkflowState) {
  const blocks = cardProgressBlocks({
    state,
    playbook,
    roleMention: (role) => (role === 'billing' ? 'Billing EMEA' : `<!subteam^S_${role}>`),
  });
  // As the integrator assembles it: the card's first blocks, the progress, then the rest.
  const base = statusCard(aBooking({ workflow: state }));
  const message = {
    text: base.text,
    blocks: [...base.blocks.slice(0, 2), ...blocks, ...base.blocks.slice(2)],
  };
  expectValidMessage(message);
  return mrkdwn(blocks);
}

describe('card progress', () => {
  it('draws the bar', () => {
    expect(progressBar(3, 7)).toBe('▰▰▰▱▱▱▱ 3/7');
    expect(progressBar(0, 7)).toBe('▱▱▱▱▱▱▱ 0/7');
  });

  it('names the current step, its owner and who holds it', () => {
    const state = apply(walked(2), { type: 'take', stepId: 'billing_readiness', actor: billing, at: at(40) });
    const text = card(state);
    expect(text).toContain('*Step 3/7 · Verify billing readiness* · Billing EMEA · taken by <@UBIL0001>');
    expect(text).toContain('▰▰▱▱▱▱▱ 2/7');
    expect(text).toMatch(/\*Last action\* <@UBIL0001> took Step 3 \(Verify billing readiness\) · <!date\^/);
    expect(text).toContain('*History*');
    expect(card(started())).toContain('not taken yet');
  });

  it('says when the request waits on the requester, with the note and deviations', () => {
    let state = apply(walked(1), {
      type: 'record_deviation',
      stepId: 'confirm_terms',
      field: 'term_length',
      expected: '24 months',
      actual: HOSTILE,
      actor: revops,
      at: at(20),
    });
    state = apply(state, {
      type: 'request_changes',
      stepId: 'confirm_terms',
      note: HOSTILE,
      actor: revops,
      at: at(21),
    });
    const text = card(state);
    expect(text).toContain(
      '*Waiting on the requester* (<@UREQ0001>): <@UREV0001> asked for changes at Step 2/7',
    );
    expect(text).toContain(`>${HOSTILE_ESCAPED}`);
    expect(text).toContain('*Deviations (1)*');
    expect(text).toContain(`*Term length*: expected 24 months → actual ${HOSTILE_ESCAPED}`);
    expect(text).not.toContain('<!channel>');
  });

  it('says how a closed request ended', () => {
    let state = walked(6);
    state = completeStep(state, 'verify_acknowledgements').state;
    expect(card(state)).toContain(':tada: *Completed* · all 7 steps done');
    const rejected = apply(started(), {
      type: 'reject',
      stepId: 'verify_quote',
      reason: 'Not bookable at all',
      actor: om,
      at: at(2),
    });
    expect(card(rejected)).toContain(':no_entry: *Rejected* by <@UOMA0001> at Step 1 (Verify the quote)');
    const withdrawn = apply(started(), { type: 'withdraw', actor: requester, at: at(2) });
    expect(card(withdrawn)).toContain('*Withdrawn* by <@UREQ0001>');
    const cancelled = apply(walked(4), {
      type: 'cancel',
      reason: 'Customer went bust',
      actor: admin,
      at: at(90),
    });
    expect(card(cancelled)).toContain('Customer went bust');
  });

  it('shows the last entries of a long history and stays within limits', () => {
    let state = started();
    for (let round = 0; round < 40; round++) {
      state = apply(state, {
        type: 'escalate',
        stepId: 'verify_quote',
        category: 'quote_expired',
        note: `${HOSTILE} ${'x'.repeat(1900)}`,
        actor: round % 2 ? om : { ...om, userId: 'UOMA0003' },
        at: at(round + 1),
      });
    }
    const text = card(state);
    expect(text).toContain('_…33 earlier_');
    expect(text).toContain('escalated ×40');
    expect(text).not.toContain('<!channel>');
  });
});
