import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../src/slack/ids.ts';
import { contractsDir, REPO_ROOT } from '../support/contracts.ts';

const SCHEMA_BASE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

function manifestValidator() {
  const dir = path.join(contractsDir(), 'manifest-schema');
  const read = (file: string) =>
    JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(
      read(`schemas/manifest.schema.${version}.json`),
      `${SCHEMA_BASE}manifest.schema.${version}.json`,
    );
  }
  return ajv.compile(read('manifest.schema.json'));
}

const manifest = parse(readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8')) as {
  features: { slash_commands: { command: string; usage_hint?: string }[]; app_home: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
};

describe('manifest.yml', () => {
  it("is a valid Slack app manifest by Slack's JSON Schema", () => {
    const validate = manifestValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check itself rejects a broken manifest', () => {
    const validate = manifestValidator();
    expect(validate({ ...manifest, display_information: { name: '' }, unknown_key: 1 })).toBe(false);
  });

  it('declares what the app uses: /book, interactivity, the Home tab and its event', () => {
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0]?.usage_hint).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'channels:history',
        'chat:write',
        'commands',
        'groups:history',
        'im:history',
        'im:write',
        'usergroups:read',
        'users:read',
      ].sort(),
    );
  });
});
