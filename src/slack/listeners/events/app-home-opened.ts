// The Home tab is rendered for the person who opens it, from the database, every time; the open is
// noted, so the outbox keeps that Home fresh while they may be looking at it.

import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';

export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home' || typeof event.user !== 'string') return;
    try {
      await deps.home.opened(client, event.user);
    } catch (error) {
      deps.logger.warn('could not publish the Home tab', { error, user: event.user });
    }
  });
}

/** Desk-admin membership does not depend on a region; the directory answers it as part of an actor. */
export async function isDeskAdmin(deps: SlackDeps, userId: string): Promise<boolean> {
  return (await deps.roles.actorFor(userId, 'EMEA')).isDeskAdmin;
}
