// Opens the intake modal for a user: guesses their region from their time zone and carries the
// time zone to the submission, where "too far in the past" is judged by their calendar.

import type { WebClient } from '@slack/web-api';
import { guessRegionFromTimeZone } from '../domain/regions.ts';
import type { SlackDeps } from './deps.ts';
import type { IntakeMetadata } from './intake-state.ts';
import { intakeModal } from './views/intake-modal.ts';
import { asView } from './web-api-types.ts';

export interface OpenIntakeRequest {
  triggerId: string;
  userId: string;
  quoteNumber?: string;
  channel?: string;
}

export async function openIntake(
  deps: SlackDeps,
  client: WebClient,
  request: OpenIntakeRequest,
): Promise<void> {
  const tz = await deps.users.timeZoneOf(request.userId);
  const metadata: IntakeMetadata = {
    tz: tz ?? 'UTC',
    // Only what the submission can read back (a channel id; private_metadata holds 3,000 characters).
    ...(request.channel && request.channel.length <= 32 ? { channel: request.channel } : {}),
  };
  const region = guessRegionFromTimeZone(tz ?? undefined);
  const view = intakeModal({
    prefill: {
      ...(region ? { region } : {}),
      ...(request.quoteNumber ? { quoteNumber: request.quoteNumber } : {}),
    },
    privateMetadata: JSON.stringify(metadata),
  });
  await client.views.open({ trigger_id: request.triggerId, view: asView(view) });
}
