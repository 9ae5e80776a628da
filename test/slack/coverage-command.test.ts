import { describe, expect, it } from 'vitest';
import { parseBookCommand } from '../../src/slack/listeners/commands/book.ts';
import { parseCoverageArgs } from '../../src/slack/listeners/commands/book-coverage.ts';

const args = (text: string) => parseCoverageArgs(text.split(' ').filter(Boolean));

describe('/book coverage and /book hours', () => {
  it('are routed by /book', () => {
    expect(parseBookCommand('hours')).toEqual({ kind: 'hours' });
    expect(parseBookCommand('HOURS')).toEqual({ kind: 'hours' });
    expect(parseBookCommand('hours emea')).toMatchObject({ kind: 'unknown' });
    expect(parseBookCommand('coverage')).toEqual({ kind: 'coverage', args: [] });
    expect(parseBookCommand('coverage EMEA 2026-12-24 billing Two out')).toEqual({
      kind: 'coverage',
      args: ['EMEA', '2026-12-24', 'billing', 'Two', 'out'],
    });
  });

  it('reads a region in any case, a role by id, label or alias, and the rest as the reason', () => {
    expect(args('')).toEqual({ kind: 'list' });
    expect(args('list')).toEqual({ kind: 'list' });
    expect(args('emea 2026-12-24')).toEqual({
      kind: 'mark',
      region: 'EMEA',
      date: '2026-12-24',
      role: '*',
      reason: '',
    });
    expect(args('Apac 2026-12-24 Billing Two out sick')).toMatchObject({
      role: 'billing',
      reason: 'Two out sick',
    });
    expect(args('apac 2026-12-24 order-management')).toMatchObject({ role: 'order_management' });
    expect(args('apac 2026-12-24 Customer Operations offsite')).toMatchObject({
      role: 'customer_operations',
      reason: 'offsite',
    });
    expect(args('apac 2026-12-24 revops')).toMatchObject({ role: 'revenue_operations' });
    expect(args('apac 2026-12-24 * filling the gap')).toMatchObject({ role: '*', reason: 'filling the gap' });
    expect(args('apac 2026-12-24 Team offsite')).toMatchObject({ role: '*', reason: 'Team offsite' });
    expect(args('apac 2026-12-24 "R&amp;D day"')).toMatchObject({ role: '*', reason: 'R&D day' });
    expect(args('clear latam 2026-12-24')).toEqual({
      kind: 'clear',
      region: 'LATAM',
      date: '2026-12-24',
      role: '*',
    });
    expect(args('CLEAR latam 2026-12-24 billing')).toMatchObject({ kind: 'clear', role: 'billing' });
  });

  it('explains each mistake', () => {
    const problem = (text: string) => {
      const parsed = args(text);
      return parsed.kind === 'invalid' ? parsed.message : `parsed as ${parsed.kind}`;
    };
    expect(problem('clear')).toContain('Say which region and date.');
    expect(problem('mars 2026-12-24')).toContain('`mars` is not a region');
    expect(problem('emea')).toContain('Say which date in EMEA');
    expect(problem('emea tomorrow')).toContain('`tomorrow` is not a date');
    expect(problem('emea 2026-12-24 biling')).toContain('Did you mean `billing`?');
    expect(problem('emea 2026-12-24 custmer-operations')).toContain('Did you mean `customer_operations`?');
    expect(problem('clear emea 2026-12-24 billing extra')).not.toContain('is not a role');
    expect(problem('clear emea 2026-12-24 billing extra')).toContain(
      'Clearing takes a region, a date and optionally a role',
    );
    expect(problem('emea 2026-12-24 <script>')).toBe('parsed as mark');
    expect(problem(`emea 2026-12-24 ${'y'.repeat(400)}`)).toContain('keep it to 300');
  });
});
