/** What the emulator saw: every Web API call and every violation of Slack's rules. */
import type { RecordedCall, Violation, ViolationKind } from './types.ts';

export type CallListener = (call: RecordedCall) => void;

export class Recorder {
  readonly calls: RecordedCall[] = [];
  readonly violations: Violation[] = [];
  private readonly callListeners = new Set<CallListener>();

  constructor(private readonly now: () => number) {}

  recordCall(call: Omit<RecordedCall, 'at'>): void {
    const recorded = { ...call, at: this.now() };
    this.calls.push(recorded);
    for (const listener of this.callListeners) listener(recorded);
  }

  /** Calls `listener` after each recorded Web API call (the call has been answered by then). */
  onCall(listener: CallListener): () => void {
    this.callListeners.add(listener);
    return () => {
      this.callListeners.delete(listener);
    };
  }

  violate(kind: ViolationKind, source: string, messages: string[]): void {
    this.violations.push({ kind, source, messages, at: this.now() });
  }

  /** Returns the violations recorded so far and forgets them. */
  takeViolations(): Violation[] {
    return this.violations.splice(0, this.violations.length);
  }

  clear(): void {
    this.calls.length = 0;
    this.violations.length = 0;
  }
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `- [${v.kind}] ${v.source}: ${v.messages.join('; ')}`).join('\n');
}

/** Throws with the list when the emulator recorded any violation. */
export function expectNoViolations(emulator: { readonly violations: readonly Violation[] }): void {
  if (emulator.violations.length === 0) return;
  throw new Error(
    `Slack emulator recorded ${emulator.violations.length} violation(s):\n${formatViolations(emulator.violations)}`,
  );
}
