// Every environment variable the app reads is documented where a newcomer looks for it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env.ts';
import { REPO_ROOT } from '../support/contracts.ts';

const VARIABLES = Object.keys(EnvSchema.shape);

describe.each(['.env.example', 'docs/deploy.md'])('%s', (file) => {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  it.each(VARIABLES)('documents %s', (variable) => {
    expect(text).toContain(variable);
  });
});
