// The thread note for an amendment: who changed what, and where the request resumes.

import type { Change } from '../../domain/booking/diff.ts';
import { escapeMrkdwn, mentionUser } from '../mrkdwn.ts';

export interface AmendmentNote {
  actorId: string;
  version: number;
  changes: Change[];
  commercial: boolean;
}

const MAX_LISTED = 30;

export function amendmentNote(note: AmendmentNote): string {
  const lines = note.changes
    .slice(0, MAX_LISTED)
    .map((change) => `• ${change.label}: ${escapeMrkdwn(change.before)} → ${escapeMrkdwn(change.after)}`);
  const more =
    note.changes.length > MAX_LISTED ? [`…and ${note.changes.length - MAX_LISTED} more changes`] : [];
  const resume = note.commercial
    ? 'The commercial terms changed, so the request starts again at step 1.'
    : 'No commercial terms changed, so the request resumes where it was.';
  return [
    `:pencil2: ${mentionUser(note.actorId)} amended the request (version ${note.version}):`,
    ...lines,
    ...more,
    resume,
  ].join('\n');
}
