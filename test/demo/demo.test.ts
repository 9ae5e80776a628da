// `npm run demo` end to end: the real app against the emulator, all seven steps clicked through, and a
// transcript a newcomer can read.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../src/demo/demo.ts';
import { DEFAULT_PLAYBOOK } from '../../src/domain/playbook/default-playbook.ts';

describe('npm run demo', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('books a sample order, walks all seven steps and prints the card, the thread and the DMs', async () => {
    const output: string[] = [];
    const { transcript, reference } = await runDemo({ write: (text) => output.push(text) });
    const written = output.join('');

    expect(reference).toMatch(/^BK-\d{4}-\d{6}$/);
    expect(written).toContain(transcript);
    // A line per step as it plays.
    expect(written).toContain('→ Omar Orders (order management, EMEA) takes step 1/7: Verify the quote');

    for (const title of ['━━━ #booking-desk ', `━━━ Thread of ${reference} `, '━━━ DM with @rita ']) {
      expect(transcript).toContain(title);
    }
    const [channel = '', thread = '', dms = ''] = transcript.split(/^━━━ /m).slice(1);
    // The card, edited in place, ends completed at 7/7.
    expect(channel).toContain('7/7');
    expect(channel).toContain('Completed');
    // Every step message is in the thread, in order, each completed.
    const positions = DEFAULT_PLAYBOOK.steps.map((step, index) =>
      thread.indexOf(`Step ${index + 1}/7 · ${step.title}`),
    );
    for (const position of positions) expect(position).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(thread.match(/Completed by @/g)).toHaveLength(7);
    // The requester heard about the milestones.
    expect(dms).toContain(`Your booking request ${reference}`);
    expect(dms).toContain(`${reference} (Acme Widgets Ltd) is booked`);
    expect(dms).toContain(`${reference} (Acme Widgets Ltd) is complete`);
    // Everything rendered: no placeholders, no escapes, people by name.
    expect(transcript).not.toContain('[unsupported');
    expect(transcript).not.toContain('\u001b[');
    expect(transcript).not.toMatch(/<@U|<!subteam/);
  }, 60_000);

  it('says clearly when the Slack contracts are missing', async () => {
    vi.stubEnv('SLACK_CONTRACTS_DIR', '/nonexistent/slack-contracts');
    await expect(runDemo({ write: () => {} })).rejects.toThrow(/Slack.s method contracts/);
  });
});
