// `/book help`: what the command does, shown only to the person who asked.

import { COMMAND } from '../ids.ts';

export function helpText(): string {
  return [
    `*Booking Desk* — book a subscription order with the sales-ops desk.`,
    `• \`${COMMAND}\` opens the booking form.`,
    `• \`${COMMAND} Q-1234\` opens it with the quote number filled in.`,
    `• \`${COMMAND} status BK-2026-000123\` (or a quote number) shows where a request stands.`,
    `• \`${COMMAND} mine\` lists your requests.`,
    `• \`${COMMAND} hours\` shows each region now: open or closed, next opening, holidays, period end.`,
    `• \`${COMMAND} stats [month|quarter|last-month|last-quarter] [region]\` shows the desk KPIs (desk admins and role holders).`,
    `• \`${COMMAND} coverage\` lists each region's backups and the dates marked short-staffed.`,
    `• \`${COMMAND} reassign BK-…\` and \`${COMMAND} cancel BK-…\` are for desk admins.`,
    `• Desk admins: \`${COMMAND} coverage EMEA 2026-12-24 [role] [reason]\` marks a date short-staffed (the role's backup region covers that day); \`${COMMAND} coverage clear EMEA 2026-12-24 [role]\` clears it.`,
    `• \`${COMMAND} help\` shows this message.`,
    `After you submit, the desk works the request in its own thread in the desk channel and you get a DM with the reference and the approval due time (12 business hours in the region's support hours).`,
    `If it cannot wait, press *Escalate* on its card or in your DM: Sales Support is pinged and the desk answers within 6 business hours (not during month-, quarter- or year-end windows).`,
  ].join('\n');
}
