// `/book help`: what the command does, shown only to the person who asked.

import { COMMAND } from '../ids.ts';

export function helpText(): string {
  return [
    `*Booking Desk* — book a subscription order with the sales-ops desk.`,
    `• \`${COMMAND}\` opens the booking form.`,
    `• \`${COMMAND} Q-1234\` opens it with the quote number filled in.`,
    `• \`${COMMAND} status BK-2026-000123\` (or a quote number) shows where a request stands.`,
    `• \`${COMMAND} mine\` lists your requests.`,
    `• \`${COMMAND} reassign BK-…\` and \`${COMMAND} cancel BK-…\` are for desk admins.`,
    `• \`${COMMAND} help\` shows this message.`,
    `After you submit, the desk works the request in its own thread in the desk channel and you get a DM with the reference.`,
  ].join('\n');
}
