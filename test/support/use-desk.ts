// The vitest side of the desk harness: a desk per test, stopped after it, failing the test on any
// Slack contract violation the app caused.

import { afterEach } from 'vitest';
import { createTestDatabase } from './database.ts';
import { type DeskHarness, type DeskHarnessOptions, startDesk } from './desk-harness.ts';

/** Starts a desk for each test and stops it after, failing the test on any Slack contract violation. */
export function useDesk(options: () => DeskHarnessOptions = () => ({})) {
  const holder: { current?: DeskHarness } = {};
  afterEach(async () => {
    const harness = holder.current;
    holder.current = undefined;
    if (!harness) return;
    const violations = harness.emulator.takeViolations();
    await harness.stop();
    if (violations.length > 0)
      throw new Error(`Slack contract violations:\n${JSON.stringify(violations, null, 2)}`);
  });
  return async (): Promise<DeskHarness> => {
    holder.current = await startDesk({ openDatabase: createTestDatabase, ...options() });
    return holder.current;
  };
}
