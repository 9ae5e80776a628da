// Publishes again the Homes a change touched: the people named, or everyone in a role's pool or
// among the desk admins. Rendering happens now, from the database, so one row covers every change
// made before it was sent (the outbox keeps at most one waiting row per audience).

import type { HomeAudience } from '../../app/home-refresh.ts';
import type { OutboxMessage } from '../../db/generated/client.ts';
import type { HomePublisher } from '../../slack/home-publisher.ts';
import type { Delivery } from './delivery.ts';

export type HomeRefresher = Pick<HomePublisher, 'membersOf' | 'publish'>;

function audienceOf(row: OutboxMessage): HomeAudience {
  return (row.args as unknown as { audience: HomeAudience }).audience;
}

export function homeRefreshDelivery(home: () => HomeRefresher): Delivery {
  return async (row, ctx) => {
    const people = await home().membersOf(audienceOf(row));
    for (const userId of people) await home().publish(ctx.slack, userId);
    return { published: people.length };
  };
}
