// Time is injected: the domain and the services ask a Clock, so tests can move it.

export interface Clock {
  now(): Date;
}

/** A clock that stands still until moved; for tests, the demo and the playground. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = instant.getTime();
  }

  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}
