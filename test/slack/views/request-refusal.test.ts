import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.ts';
import { refusalText } from '../../../src/slack/views/request-summary.ts';
import {
  at,
  billing,
  completeStep,
  om,
  outsider,
  playbook,
  refusal,
  requester,
  revops,
  started,
  stepOf,
  tickAll,
  walked,
} from '../../domain/workflow/support.ts';

describe('refusal texts', () => {
  it('names the role group that may act', () => {
    const refused = refusal(
      decide(
        walked(2),
        { type: 'complete', stepId: 'billing_readiness', evidence: {}, actor: om, at: at(1) },
        playbook,
      ),
    );
    expect(
      refusalText(refused, { roleMention: '<!subteam^S_BILL|@billing-emea>', command: 'complete' }),
    ).toBe('Only <!subteam^S_BILL|@billing-emea> can complete this step.');
    expect(refusalText(refused)).toBe('Only Billing can act on this step.');
  });

  it('tells the requester someone else must verify their booking', () => {
    const self = { ...requester, roles: ['order_management' as const] };
    const refused = refusal(
      decide(started(), { type: 'take', stepId: 'verify_quote', actor: self, at: at(1) }, playbook),
    );
    expect(refusalText(refused)).toContain('You requested this booking, so someone else');
  });

  it('says who already did it and when, in the reader’s time zone', () => {
    const state = completeStep(started(), 'verify_quote').state;
    const refused = refusal(
      decide(
        state,
        { type: 'complete', stepId: 'verify_quote', evidence: {}, actor: om, at: at(99) },
        playbook,
      ),
    );
    expect(refusalText(refused, { playbook })).toMatch(
      /^Already completed by <@UOMA0001> at <!date\^\d+\^\{time\}, \{date_short_pretty\}\|2026-11-23 \d\d:\d\d UTC> \(Step 1 \(Verify the quote\)\)\.$/,
    );
  });

  it('lists what to tick first and the evidence problems, escaped', () => {
    const refused = refusal(
      decide(
        started(),
        {
          type: 'complete',
          stepId: 'verify_quote',
          evidence: { quote_valid_until: '<!channel>' },
          actor: om,
          at: at(1),
        },
        playbook,
      ),
    );
    const text = refusalText(refused, { step: stepOf('verify_quote') });
    expect(text).toContain(
      'Tick these first:\n• Quote number is valid and linked to the right customer account',
    );
    expect(text).toContain('• Quote version checked is required.');
    expect(text).toContain('Quote valid until must be a calendar date');
    expect(text).not.toContain('<!channel>');
  });

  it('asks for open deviations to go back first', () => {
    let state = tickAll(walked(1), 'confirm_terms');
    const recorded = decide(
      state,
      {
        type: 'record_deviation',
        stepId: 'confirm_terms',
        field: 'sku',
        expected: 'A',
        actual: 'B',
        actor: revops,
        at: at(1),
      },
      playbook,
    );
    if (!recorded.ok) throw new Error(recorded.message);
    state = recorded.state;
    const refused = refusal(
      decide(
        state,
        { type: 'complete', stepId: 'confirm_terms', evidence: {}, actor: revops, at: at(2) },
        playbook,
      ),
    );
    expect(refusalText(refused, { playbook })).toBe(
      'Deviations on SKU must go back to the requester first (Request changes).',
    );
  });

  it('explains a stale button and other refusals plainly', () => {
    const notActive = refusal(
      decide(started(), { type: 'take', stepId: 'trigger_billing', actor: billing, at: at(1) }, playbook),
    );
    expect(refusalText(notActive, { playbook })).toBe(
      'Step 5 (Trigger billing) is not active any more: the request is at Step 1 (Verify the quote).',
    );
    const notOffered = refusal(
      decide(
        started(),
        {
          type: 'record_deviation',
          stepId: 'verify_quote',
          field: 'sku',
          expected: 'a',
          actual: 'b',
          actor: om,
          at: at(1),
        },
        playbook,
      ),
    );
    expect(refusalText(notOffered)).toBe('Deviations cannot be recorded on "Verify the quote".');
    const notRequester = refusal(
      decide(started(), { type: 'withdraw', actor: outsider, at: at(1) }, playbook),
    );
    expect(refusalText(notRequester, { command: 'withdraw', requesterId: 'UREQ0001' })).toBe(
      'Only the requester (<@UREQ0001>) can withdraw this request.',
    );
    const invalid = refusal(
      decide(
        started(),
        { type: 'reject', stepId: 'verify_quote', reason: '  ', actor: om, at: at(1) },
        playbook,
      ),
    );
    expect(refusalText(invalid)).toBe('Enter the reason for the rejection.');
  });
});
