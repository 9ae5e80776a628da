// `npm run demo`: the whole booking procedure in a terminal, no Slack workspace needed. The real app
// runs against the Slack emulator; a rep books a sample order, every role works its steps by clicking
// what the bot posted, and the thread, the card and the requester's DMs are printed as text.

import type { Database } from '../db/client.ts';
import { DEFAULT_PLAYBOOK } from '../domain/playbook/default-playbook.ts';
import { ROLE_LABELS } from '../domain/roles.ts';
import { formatViolations, type SlackEmulator } from '../emulator/index.ts';
import { bookSample } from './book.ts';
import { DEMO_REGION, DESK_CHANNEL, EVERYONE, REQUESTER, SPECIALISTS } from './cast.ts';
import { workspaceNames } from './names.ts';
import { paceOf } from './pace.ts';
import { SAMPLE_BOOKING } from './sample-booking.ts';
import { demoContractsDir, startStage } from './stage.ts';
import { clickThroughStep } from './step-driver.ts';
import { demoTranscript } from './transcript.ts';
import { DemoError, waitFor } from './wait.ts';

export interface DemoOptions {
  /** Receives the demo's output: a line per step as it plays, then the transcript. */
  write: (text: string) => void;
  /** Bold and colours (ANSI escapes). Default false. */
  ansi?: boolean;
  /** Columns of the transcript. Default 100. */
  width?: number;
  /** How long to wait for the bot after each click before giving up. Default 5 s. */
  stepTimeoutMs?: number;
}

export interface DemoResult {
  transcript: string;
  reference: string;
}

const TIME_ZONE = 'Europe/London';

function checkNoViolations(emulator: SlackEmulator): void {
  const violations = emulator.takeViolations();
  if (violations.length > 0) {
    throw new DemoError(
      `the Slack emulator recorded ${violations.length} contract violation(s):\n${formatViolations(violations)}`,
    );
  }
}

/** Waits until every Slack message the app wrote to its outbox has been delivered. */
async function outboxDelivered(database: Database, timeoutMs: number | undefined): Promise<void> {
  await waitFor(
    async () => {
      const failed = await database.prisma.outboxMessage.findFirst({ where: { status: 'failed' } });
      if (failed)
        throw new DemoError(`the outbox gave up on ${failed.kind}: ${failed.lastError ?? 'no error'}`);
      return (await database.prisma.outboxMessage.count({ where: { status: 'pending' } })) === 0;
    },
    'the last Slack messages to be delivered',
    timeoutMs,
  );
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const { write } = options;
  const timeoutMs = options.stepTimeoutMs;
  const line = (text: string) => write(`${text}\n`);
  demoContractsDir();
  line('Booking Desk demo: the bot against the Slack emulator, an in-memory database, no Slack workspace.');
  const stage = await startStage();
  try {
    const { emulator, database } = stage;
    const names = workspaceNames(stage.workspace, emulator.botUserId);
    const playbook = DEFAULT_PLAYBOOK;

    line(
      `→ ${REQUESTER.realName} types /book and submits ${SAMPLE_BOOKING.quoteNumber} for ` +
        `${SAMPLE_BOOKING.customerAccountName} (${SAMPLE_BOOKING.region})…`,
    );
    const card = await bookSample(emulator, REQUESTER.id, DESK_CHANNEL.id);
    const { reference } = await database.prisma.bookingRequest.findFirstOrThrow({
      select: { reference: true },
    });
    line(
      `  ${reference} is on the desk: a status card in #${DESK_CHANNEL.name}, its thread, a DM to @${REQUESTER.name}.`,
    );

    /** Lets time pass once the bot is idle (moving the clock under an in-flight delivery could expire its lease). */
    const elapse = async (minutes: number) => {
      await outboxDelivered(database, timeoutMs);
      stage.clock.advanceMinutes(minutes);
    };

    for (const [index, step] of playbook.steps.entries()) {
      const specialist = SPECIALISTS[step.role];
      const stepNumber = index + 1;
      const pace = paceOf(index);
      await elapse(pace.pickUpMinutes);
      line(
        `→ ${specialist.realName} (${ROLE_LABELS[step.role].toLowerCase()}, ${DEMO_REGION}) takes step ` +
          `${stepNumber}/${playbook.steps.length}: ${step.title}, ticks ${step.checklist.length} boxes, completes it…`,
      );
      await clickThroughStep({
        emulator,
        channel: DESK_CHANNEL.id,
        threadTs: card.ts,
        step,
        stepNumber,
        stepCount: playbook.steps.length,
        userId: specialist.id,
        evidence: { owner: SPECIALISTS.customer_operations.id, fallbackDate: '2026-12-01' },
        whileWorking: () => elapse(pace.workMinutes),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
      checkNoViolations(emulator);
    }

    await waitFor(
      async () =>
        (await database.prisma.bookingRequest.findFirstOrThrow({ where: { reference } })).status ===
        'completed',
      `${reference} to be completed`,
      timeoutMs,
    );
    await outboxDelivered(database, timeoutMs);
    checkNoViolations(emulator);
    line(`  ${reference} is completed. What Slack shows:`);

    const transcript = demoTranscript({
      emulator,
      channel: DESK_CHANNEL,
      cardTs: card.ts,
      reference,
      requester: REQUESTER,
      people: EVERYONE.map((person) => person.id),
      render: {
        ...names,
        timeZone: TIME_ZONE,
        now: stage.clock.now(),
        ansi: options.ansi ?? false,
        width: options.width ?? 100,
      },
    });
    write(`\n${transcript}\n`);
    return { transcript, reference };
  } finally {
    await stage.stop();
  }
}
