// `/book status BK-…|Q-…` and `/book mine`, answered only to the person who asked.

import { loadSlaSnapshot } from '../../../app/sla-snapshot.ts';
import { findRequestId, findRequestIdsOf, loadBooking } from '../../../db/bookings.ts';
import type { BookingSnapshot } from '../../../domain/booking/snapshot.ts';
import type { SlackDeps } from '../../deps.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { roleMention } from '../../role-directory.ts';
import { type StatusEntry, statusMessage } from '../../views/request-status.ts';
import { asBlocks } from '../../web-api-types.ts';

type Query = { kind: 'status'; target: string } | { kind: 'mine' };

export async function statusAnswer(deps: SlackDeps, userId: string, query: Query) {
  const ids =
    query.kind === 'mine'
      ? await findRequestIdsOf(deps.services.db, userId, 20)
      : [await findRequestId(deps.services.db, query.target)].filter((id): id is string => id !== null);
  const bookings = (await Promise.all(ids.map((id) => loadBooking(deps.services.db, id)))).filter(
    (booking): booking is BookingSnapshot => booking !== null,
  );
  const entries = await Promise.all(bookings.map((booking) => entryOf(deps, booking)));
  const message =
    query.kind === 'mine'
      ? statusMessage(
          entries,
          'Your booking requests',
          'You have no booking requests yet. Type `/book` to start one.',
        )
      : statusMessage(
          entries,
          'Booking request',
          `No request matches \`${escapeMrkdwn(query.target.slice(0, 40)).replaceAll('`', "'")}\`. Use its reference (BK-2026-000123) or quote number.`,
        );
  return { response_type: 'ephemeral' as const, text: message.text, blocks: asBlocks(message.blocks) };
}

async function entryOf(deps: SlackDeps, booking: BookingSnapshot): Promise<StatusEntry> {
  const playbook = deps.services.playbooks.get(booking.workflow.playbook);
  if (!playbook) throw new Error(`playbook of ${booking.reference} is not deployed`);
  return {
    booking,
    playbook,
    threadUrl: await deps.workspace.permalink(booking.deskChannel, booking.parentTs),
    roleMention: (role) => roleMention(deps.config, role, booking.region),
    sla: await loadSlaSnapshot(deps.services.db, deps.config, booking, playbook, deps.services.clock.now()),
  };
}
