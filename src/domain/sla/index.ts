// SLA clocks, their escalation policy, and the requester's escalation case.

export * from './clock.ts';
export * from './escalation-case.ts';
export * from './plan.ts';
export * from './policy.ts';
export * from './sweep.ts';
