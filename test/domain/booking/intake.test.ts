import { describe, expect, it } from 'vitest';
import { validateIntake } from '../../../src/domain/booking/intake.ts';
import { anIntakeForm } from '../../support/builders.ts';

const rules = { today: '2026-11-23', maxBackdateDays: 30, maxForwardDays: 365 };

describe('intake validation', () => {
  it('turns a complete form into a draft', () => {
    const result = validateIntake(
      anIntakeForm({ quoteNumber: ' q-1234 ', credits: '100', urgent: true }),
      rules,
    );
    expect(result).toMatchObject({
      ok: true,
      draft: {
        quoteNumber: 'Q-1234',
        region: 'EMEA',
        currency: 'GBP',
        termMonths: 12,
        creditsMinor: 10000n,
        urgent: true,
      },
    });
    expect(result.ok && result.draft.lines).toHaveLength(2);
  });

  it('reports every bad field at once, each with how to fix it', () => {
    const result = validateIntake(
      anIntakeForm({
        contactEmail: 'ada-at-acme',
        lines: 'A | a | 0 | 10',
        subscriptionStart: '2026-09-01',
        region: null,
        billingFrequency: null,
        invoiceRecipientEmail: '',
      }),
      rules,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual({
      contactEmail: expect.stringContaining('is not an e-mail address'),
      lines: expect.stringContaining('quantity must be a whole number above 0'),
      subscriptionStart: expect.stringContaining('83 days ago'),
      region: expect.stringContaining('Choose the region'),
      billingFrequency: expect.stringContaining('how often'),
      invoiceRecipientEmail: 'Enter the invoice e-mail address.',
    });
  });

  it('accepts a start date exactly at the back-dating limit and refuses one day earlier', () => {
    expect(validateIntake(anIntakeForm({ subscriptionStart: '2026-10-24' }), rules).ok).toBe(true);
    expect(validateIntake(anIntakeForm({ subscriptionStart: '2026-10-23' }), rules).ok).toBe(false);
  });

  it('refuses a start date more than a year ahead', () => {
    const result = validateIntake(anIntakeForm({ subscriptionStart: '2027-12-01' }), rules);
    expect(!result.ok && result.errors.subscriptionStart).toContain('more than 365 days ahead');
  });

  it('needs a notice period for auto-renewal only', () => {
    expect(validateIntake(anIntakeForm({ renewalNoticeDays: '' }), rules).ok).toBe(false);
    expect(validateIntake(anIntakeForm({ renewalNoticeDays: '', renewalType: 'no_renewal' }), rules).ok).toBe(
      true,
    );
  });

  it('refuses negative credits and values outside the option lists', () => {
    const result = validateIntake(
      anIntakeForm({ credits: '-5', termMonths: '7', paymentTerms: 'net_7', currency: 'XXX' }),
      rules,
    );
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual([
      'currency',
      'paymentTerms',
      'termMonths',
    ]);
    const credits = validateIntake(anIntakeForm({ credits: '-5' }), rules);
    expect(!credits.ok && credits.errors.credits).toBe('The amount cannot be negative.');
  });

  it('keeps over-long text out', () => {
    const result = validateIntake(anIntakeForm({ customerAccountName: 'x'.repeat(121) }), rules);
    expect(!result.ok && result.errors.customerAccountName).toContain('under 120 characters');
  });
});
