// Previous/Next on a Home list: the Home is published again with that list at the page asked for.

import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../../deps.ts';
import { HOME_PAGE_ACTION_PATTERN, HOME_SECTIONS } from '../../ids.ts';

const PageSchema = z.object({ s: z.enum(HOME_SECTIONS), p: z.number().int().min(0).max(10_000) });

export function registerHomePages(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    { type: 'block_actions', action_id: HOME_PAGE_ACTION_PATTERN },
    async ({ ack, body, action, client }) => {
      await ack();
      let page: z.infer<typeof PageSchema>;
      try {
        page = PageSchema.parse(JSON.parse(action.value ?? ''));
      } catch {
        return;
      }
      try {
        await deps.home.publish(client, body.user.id, { [page.s]: page.p });
      } catch (error) {
        deps.logger.warn('could not turn a Home page', { error, user: body.user.id });
      }
    },
  );
}
