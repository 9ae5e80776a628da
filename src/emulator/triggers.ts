/** trigger_ids: issued by the emulator only, single use, valid for 3 seconds. */
import { randomBytes } from 'node:crypto';

export const TRIGGER_TTL_MS = 3000;

interface Trigger {
  userId: string;
  issuedAt: number;
  exchanged: boolean;
}

export type TriggerExchange =
  | { ok: true; userId: string }
  | { ok: false; error: 'invalid_trigger_id' | 'exchanged_trigger_id' | 'expired_trigger_id' };

export class TriggerStore {
  private readonly triggers = new Map<string, Trigger>();
  private seq = 0;

  constructor(private readonly now: () => number) {}

  issue(userId: string): string {
    this.seq += 1;
    const issuedAt = this.now();
    const id = `${Math.floor(issuedAt / 1000)}.${1000000 + this.seq}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { userId, issuedAt, exchanged: false });
    return id;
  }

  exchange(id: string): TriggerExchange {
    const trigger = this.triggers.get(id);
    if (!trigger) return { ok: false, error: 'invalid_trigger_id' };
    if (trigger.exchanged) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.now() - trigger.issuedAt > TRIGGER_TTL_MS) return { ok: false, error: 'expired_trigger_id' };
    trigger.exchanged = true;
    return { ok: true, userId: trigger.userId };
  }

  reset(): void {
    this.triggers.clear();
  }
}
