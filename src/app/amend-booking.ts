// The requester's amendment: the corrected form becomes commercial version n+1, the thread hears
// what changed ("quantity of PRO 10 → 12"), and the playbook resumes where it says — the first step
// after a commercial change. One transaction, through the same compare-and-set as every action.

import { randomUUID } from 'node:crypto';
import { insertCommercialVersion, loadBooking } from '../db/bookings.ts';
import { enqueueOutbox } from '../db/outbox.ts';
import { commercialDiff, isCommercialChange } from '../domain/booking/diff.ts';
import type { BookingDraft } from '../domain/booking/intake.ts';
import type { Actor } from '../domain/workflow/commands.ts';
import { type ActResult, actOnRequest } from './act-on-request.ts';
import type { ServiceContext } from './context.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';
import { orderingKeyOf } from './workflow-effects.ts';

export type AmendResult =
  | ActResult
  | { ok: false; reason: 'no_changes' }
  | { ok: false; reason: 'region_changed' };

export async function amendBooking(
  ctx: ServiceContext,
  input: { requestId: string; actor: Actor; draft: BookingDraft; note?: string },
): Promise<AmendResult> {
  const booking = await loadBooking(ctx.db, input.requestId);
  if (!booking) return { ok: false, reason: 'not_found' };
  // The region decides who works the request; moving it is a new request, not an amendment.
  if (input.draft.region !== booking.region) return { ok: false, reason: 'region_changed' };
  const changes = commercialDiff(booking.draft, input.draft);
  if (changes.length === 0) return { ok: false, reason: 'no_changes' };
  const commercialChange = isCommercialChange(changes);
  const version = booking.commercialVersion + 1;
  const now = ctx.clock.now();
  return actOnRequest(ctx, {
    requestId: booking.id,
    command: {
      type: 'amend',
      actor: input.actor,
      at: now,
      commercialChange,
      ...(input.note ? { note: input.note } : {}),
    },
    alsoInTransaction: async (tx) => {
      await insertCommercialVersion(tx, booking.id, version, input.draft, input.actor.userId);
      await enqueueOutbox(tx, [
        {
          requestId: booking.id,
          kind: OUTBOX_KIND.threadNote,
          method: 'chat.postMessage',
          args: {
            requestId: booking.id,
            note: { actorId: input.actor.userId, version, changes, commercial: commercialChange },
          },
          idempotencyKey: `${booking.id}:amendment:${version}:${randomUUID()}`,
          orderingKey: orderingKeyOf(booking.id),
          at: now,
        },
      ]);
    },
  });
}
