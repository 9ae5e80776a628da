// Where Slack's contracts live: beside the repository, never copied into it.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function contractsDir(): string {
  const dir = process.env.SLACK_CONTRACTS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'slack-contracts');
  if (!existsSync(dir)) throw new Error(`Slack contracts not found at ${dir}; set SLACK_CONTRACTS_DIR`);
  return dir;
}
