import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../../src/config/desk-config.ts';
import { REPO_ROOT } from '../support/contracts.ts';

const example = readFileSync(path.join(REPO_ROOT, 'booking-desk.example.yml'), 'utf8');

describe('desk config', () => {
  it('accepts the shipped example', () => {
    const result = parseDeskConfig(example, 'booking-desk.example.yml');
    expect(result).toMatchObject({
      ok: true,
      config: { deskChannel: 'C0123DESK', intake: { maxBackdateDays: 30 } },
    });
    expect(result.ok && result.config.regions.EMEA.roles.billing.users).toEqual(['U0BILLLEAD']);
  });

  it('reports each problem with its path and line', () => {
    const broken = example
      .replace('deskChannel: C0123DESK', 'deskChannel: booking-desk')
      .replace('billing: { usergroup: S0BILAPAC }', 'billing: {}')
      .replace('maxBackdateDays: 30', 'maxBackdateDays: 30\n  typo: 1');
    const result = parseDeskConfig(broken, 'desk.yml');
    expect(result.ok).toBe(false);
    const lines = !result.ok ? result.message.split('\n') : [];
    const lineOf = (needle: string) => broken.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(lines).toContain(
      `  desk.yml:${lineOf('deskChannel: booking-desk')}: deskChannel must be a Slack channel ID such as C0123ABCD`,
    );
    expect(lines).toContain(
      `  desk.yml:${lineOf('billing: {}')}: regions.APAC.roles.billing name a usergroup, users, or both`,
    );
    expect(
      lines.some((line) => line === `  desk.yml:${lineOf('typo: 1')}: intake Unrecognized key: "typo"`),
    ).toBe(true);
  });

  it('reports a missing region and YAML syntax errors with their line', () => {
    const withoutLatam = example.slice(0, example.indexOf('  LATAM:'));
    const missing = parseDeskConfig(withoutLatam, 'desk.yml');
    expect(!missing.ok && missing.message).toContain('regions.LATAM');
    const syntax = parseDeskConfig('deskChannel: C1\nregions: [unclosed\n', 'desk.yml');
    expect(!syntax.ok && syntax.message).toMatch(/desk\.yml:\d+: /);
  });
});
