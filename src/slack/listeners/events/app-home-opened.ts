import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { homeView } from '../../views/home.ts';
import { asView } from '../../web-api-types.ts';

export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: asView(homeView()) });
    } catch (error) {
      deps.logger.warn('could not publish the Home tab', { error, user: event.user });
    }
  });
}
