// Who is due a survey invitation: everyone who submitted a request in the surveyed quarter, asked in
// the region of their latest request that quarter, once per quarter.

import type { Region } from '../regions.ts';

export interface SubmittedRequest {
  requesterId: string;
  region: Region;
  submittedAt: Date;
}

export interface DueInvitation {
  userId: string;
  region: Region;
}

/** Each person's region: the region of their latest request among `requests` (ties: the later listed). */
export function surveyRegions(requests: readonly SubmittedRequest[]): Map<string, Region> {
  const latest = new Map<string, SubmittedRequest>();
  for (const request of requests) {
    const known = latest.get(request.requesterId);
    if (!known || request.submittedAt.getTime() >= known.submittedAt.getTime()) {
      latest.set(request.requesterId, request);
    }
  }
  return new Map([...latest].map(([userId, request]) => [userId, request.region]));
}

/**
 * The invitations `region` owes: people whose latest request in the surveyed quarter is in that
 * region and who have not been invited for the quarter yet. Sorted by user id (stable output).
 */
export function invitationsDue(input: {
  region: Region;
  requests: readonly SubmittedRequest[];
  alreadyInvited: ReadonlySet<string>;
}): DueInvitation[] {
  return [...surveyRegions(input.requests)]
    .filter(([userId, region]) => region === input.region && !input.alreadyInvited.has(userId))
    .map(([userId, region]) => ({ userId, region }))
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
