import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { listFailedOutbox } from '../../../db/outbox.ts';
import type { SlackDeps } from '../../deps.ts';
import type { FailedDeliveries } from '../../views/failed-deliveries.ts';
import { MAX_FAILED_DELIVERIES_SHOWN } from '../../views/failed-deliveries.ts';
import { homeView } from '../../views/home.ts';
import { asView } from '../../web-api-types.ts';

export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(deps, client, event.user);
    } catch (error) {
      deps.logger.warn('could not publish the Home tab', { error, user: event.user });
    }
  });
}

/** Renders a person's Home from the database now: desk admins also see undelivered messages. */
export async function publishHome(deps: SlackDeps, client: WebClient, userId: string): Promise<void> {
  const failedDeliveries = (await isDeskAdmin(deps, userId)) ? await loadFailedDeliveries(deps) : null;
  await client.views.publish({ user_id: userId, view: asView(homeView({ failedDeliveries })) });
}

/** Desk-admin membership does not depend on a region; the directory answers it as part of an actor. */
export async function isDeskAdmin(deps: SlackDeps, userId: string): Promise<boolean> {
  return (await deps.roles.actorFor(userId, 'EMEA')).isDeskAdmin;
}

async function loadFailedDeliveries(deps: SlackDeps): Promise<FailedDeliveries> {
  const { rows, total } = await listFailedOutbox(deps.services.db, MAX_FAILED_DELIVERIES_SHOWN);
  return { shown: rows.map((row) => ({ ...row, id: row.id.toString() })), total };
}
