/**
 * Faults on demand, and the interceptor hook through which a request can be answered before it
 * reaches its handler (the rate limiter in rate-limits.ts is another interceptor).
 */
import type { ContractBook, MethodContract } from './contracts.ts';
import type { JsonObject } from './types.ts';

export type FaultSpec =
  | { error: string }
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { delayMs: number }
  | { drop: true }
  /** Slack does the work (posts the message) but the answer never arrives: the connection drops. */
  | { loseResponse: true };

/** Decides, per call, whether the platform misbehaves instead of (or before) answering. */
export interface Interceptor {
  /** `args` as sent, token removed, not yet checked (a limit may depend on e.g. the channel). */
  intercept(method: string, contract: MethodContract, args: JsonObject): FaultSpec | undefined;
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultInjector implements Interceptor {
  private readonly queues = new Map<string, QueuedFault[]>();

  constructor(private readonly contracts: ContractBook) {}

  /** Queues `spec` for the next `times` calls of `method`. Throws on a code the contract does not list. */
  add(method: string, spec: FaultSpec, times = 1): void {
    if (!this.contracts.get(method)) throw new Error(`no contract for ${method}`);
    if ('error' in spec) this.contracts.assertErrorCode(method, spec.error);
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`times must be a positive integer, got ${times}`);
    this.queues.set(method, [...(this.queues.get(method) ?? []), { spec, remaining: times }]);
  }

  intercept(method: string): FaultSpec | undefined {
    const queue = this.queues.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.spec;
  }

  reset(): void {
    this.queues.clear();
  }
}
