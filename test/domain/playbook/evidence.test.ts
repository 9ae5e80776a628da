import { describe, expect, it } from 'vitest';
import { checkEvidence, type EvidenceField } from '../../../src/domain/playbook/evidence.ts';

const fields: EvidenceField[] = [
  { id: 'notes', label: 'Notes', type: 'text', maxLength: 10, required: false },
  {
    id: 'order',
    label: 'CRM order ID',
    type: 'reference',
    pattern: 'SO-[0-9]{3,}',
    example: 'SO-1042',
    required: true,
  },
  { id: 'due', label: 'Due date', type: 'date', required: true },
  { id: 'owner', label: 'Owner', type: 'slack_user', required: true },
  {
    id: 'queue',
    label: 'Queue',
    type: 'choice',
    required: true,
    options: [
      { id: 'saas', label: 'SaaS' },
      { id: 'ps', label: 'Professional services' },
    ],
  },
];

describe('evidence checks', () => {
  it('records trimmed values of filled fields and leaves empty optional ones out', () => {
    expect(
      checkEvidence(fields, { order: ' SO-1042 ', due: '2026-02-28', owner: 'U012AB', queue: 'ps' }),
    ).toEqual({
      ok: true,
      evidence: { order: 'SO-1042', due: '2026-02-28', owner: 'U012AB', queue: 'ps' },
    });
  });

  it('names every field that is wrong and why', () => {
    expect(
      checkEvidence(fields, {
        notes: 'far too long for ten',
        order: 'SO-1042x',
        due: '2026-02-30',
        owner: 'ada',
        queue: 'hardware',
        extra: 'x',
      }),
    ).toEqual({
      ok: false,
      errors: {
        notes: 'Notes must be at most 10 characters (it has 20).',
        order: 'CRM order ID "SO-1042x" does not look right; write it like SO-1042.',
        due: 'Due date must be a calendar date (YYYY-MM-DD).',
        owner: 'Owner must be a Slack member (a user id like U0123ABCD).',
        queue: 'Queue must be one of: SaaS, Professional services.',
        extra: '"extra" is not evidence this step asks for.',
      },
    });
  });

  it('says which required fields are missing', () => {
    expect(checkEvidence(fields, { due: '   ', notes: '' })).toEqual({
      ok: false,
      errors: {
        order: 'CRM order ID is required.',
        due: 'Due date is required.',
        owner: 'Owner is required.',
        queue: 'Queue is required.',
      },
    });
  });

  it('anchors reference patterns to the whole value', () => {
    expect(checkEvidence([fields[1]!], { order: 'xx SO-1042' }).ok).toBe(false);
    expect(checkEvidence([fields[1]!], { order: 'SO-1042' }).ok).toBe(true);
  });
});
