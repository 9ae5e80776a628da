// Values a rep types into the intake modal, by action_id, for the emulator's submitView: the same
// valid form as `anIntakeForm`, with optional fields left empty as a person would.

import type { InputValue } from '../../src/emulator/index.ts';
import { URGENT_OPTION } from '../../src/slack/views/intake-modal.ts';
import { anIntakeForm } from './builders.ts';

export function intakeValues(overrides: Record<string, InputValue> = {}): Record<string, InputValue> {
  const { urgent, ...form } = anIntakeForm();
  const filled = Object.fromEntries(
    Object.entries(form).filter(([, value]) => value !== '' && value !== null),
  );
  return { ...filled, ...(urgent ? { urgent: [URGENT_OPTION] } : {}), ...overrides };
}
