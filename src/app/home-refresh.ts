// Asks for the Homes a change touched to be published again, through the outbox (after commit).
// Debounced: when a refresh for the same audience is still waiting, another is not added — the
// waiting one renders the state as it is when sent, this change included (as waiting-renders.ts
// does for the card and step messages).

import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/types.ts';
import { toJson } from '../db/types.ts';
import type { Playbook } from '../domain/playbook/schema.ts';
import { parseRegion, type Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import type { WorkflowState } from '../domain/workflow/state.ts';
import { OUTBOX_KIND } from './outbox-kinds.ts';

/** Whose Homes a change touches: people, a role's pool in a region, or the desk admins. */
export type HomeAudience = { users: string[] } | { role: Role; region: Region } | { deskAdmins: true };

export function audienceKey(audience: HomeAudience): string {
  if ('users' in audience) return `home:users:${[...audience.users].sort().join(',')}`;
  if ('deskAdmins' in audience) return 'home:desk-admins';
  return `home:role:${audience.region}:${audience.role}`;
}

export interface TouchedHomes {
  users: readonly (string | null | undefined)[];
  roles: readonly { role: Role; region: Region }[];
  deskAdmins: boolean;
}

export async function refreshHomes(tx: Tx, touched: TouchedHomes, at: Date): Promise<void> {
  const audiences: HomeAudience[] = [
    ...[...new Set(touched.users.filter((user): user is string => typeof user === 'string'))].map((user) => ({
      users: [user],
    })),
    ...touched.roles.map(({ role, region }) => ({ role, region })),
    ...(touched.deskAdmins ? [{ deskAdmins: true as const }] : []),
  ];
  const keys = [...new Map(audiences.map((audience) => [audienceKey(audience), audience])).entries()];
  if (keys.length === 0) return;
  // Locked until commit, so no dispatcher claims and renders a waiting row before this change is
  // visible (its claim skips locked rows); a row claimed meanwhile no longer matches once we get it.
  // Changes that touch the same Homes wait for each other only at this last step before commit,
  // and lock in one order (by id), so they never deadlock; measured, waiting coalesces many more
  // refreshes than skipping a locked row and adding another (BENCHMARKS.md).
  const waiting = await tx.$queryRaw<{ orderingKey: string }[]>`
    SELECT "orderingKey" FROM "OutboxMessage"
    WHERE "orderingKey" = ANY(${keys.map(([key]) => key)}::text[]) AND "status" = 'pending'
      AND "leaseOwner" IS NULL
    ORDER BY "id"
    FOR UPDATE`;
  const skip = new Set(waiting.map((row) => row.orderingKey));
  const fresh = keys.filter(([key]) => !skip.has(key));
  if (fresh.length === 0) return;
  await tx.outboxMessage.createMany({
    data: fresh.map(([key, audience]) => ({
      requestId: null,
      kind: OUTBOX_KIND.homeRefresh,
      method: 'views.publish',
      args: toJson({ audience }),
      idempotencyKey: `${key}:${randomUUID()}`,
      orderingKey: key,
      createdAt: at,
      nextAttemptAt: at,
    })),
  });
}

/** A workflow change touches the requester, the steps' holders, the pools of untaken steps, the desk leads. */
export function touchedHomes(
  before: WorkflowState,
  after: WorkflowState,
  changedSteps: readonly string[],
  playbook: Playbook,
  request: { requesterId: string; region: string },
): TouchedHomes {
  const region = parseRegion(request.region);
  const holders = changedSteps.flatMap((stepId) =>
    [before, after].map((state) => state.steps.find((record) => record.id === stepId)?.assignee?.userId),
  );
  // A pool's Home lists only untaken steps: a change to a step held before and after (a tick, a
  // reassignment) shows on its holders' Homes, not on everyone's in the role.
  const heldThroughout = (stepId: string) =>
    [before, after].every((state) => state.steps.find((record) => record.id === stepId)?.assignee);
  const roles = changedSteps.flatMap((stepId) => {
    const role = playbook.steps.find((step) => step.id === stepId)?.role;
    return role && !heldThroughout(stepId) ? [{ role, region }] : [];
  });
  const unique = new Map(roles.map((entry) => [entry.role, entry]));
  return { users: [request.requesterId, ...holders], roles: [...unique.values()], deskAdmins: true };
}
