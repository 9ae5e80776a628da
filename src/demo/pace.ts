// How long things take in the demo's story, so the transcript reads like a working day rather than
// one minute: for each step, minutes until its specialist picks it up and minutes of work on it.
// The clock moves only while the bot is idle (every outbox message delivered).

export interface StepPace {
  pickUpMinutes: number;
  workMinutes: number;
}

const PACES: readonly StepPace[] = [
  { pickUpMinutes: 12, workMinutes: 18 },
  { pickUpMinutes: 25, workMinutes: 40 },
  { pickUpMinutes: 20, workMinutes: 25 },
  { pickUpMinutes: 10, workMinutes: 15 },
  { pickUpMinutes: 30, workMinutes: 20 },
  { pickUpMinutes: 35, workMinutes: 30 },
  { pickUpMinutes: 15, workMinutes: 10 },
];

export function paceOf(stepIndex: number): StepPace {
  return PACES[stepIndex] ?? { pickUpMinutes: 15, workMinutes: 15 };
}
