// Publishes a person's App Home from the database: on app_home_opened, on Previous/Next, and from
// the outbox when something on it changed. The viewer's roles come from the role directory.

import type { WebClient } from '@slack/web-api';
import type { ServiceContext } from '../app/context.ts';
import { type HomeModel, type HomeViewer, loadHomeModel } from '../app/home-model.ts';
import type { HomeAudience } from '../app/home-refresh.ts';
import type { DeskConfig } from '../config/desk-config.ts';
import { noteHomeOpened, recentHomeViewers } from '../db/home-viewers.ts';
import { listFailedOutbox } from '../db/outbox.ts';
import { REGIONS, type Region } from '../domain/regions.ts';
import type { Role } from '../domain/roles.ts';
import type { RoleDirectory } from './role-directory.ts';
import { type Block, context } from './views/elements.ts';
import { type FailedDeliveries, MAX_FAILED_DELIVERIES_SHOWN } from './views/failed-deliveries.ts';
import { type HomePages, homeView } from './views/home.ts';
import { asView } from './web-api-types.ts';
import type { Workspace } from './workspace.ts';

/**
 * How long after opening their Home someone still gets its changes pushed: a Home left open on a
 * screen all day stays live, and anyone coming back gets a fresh one from the open itself.
 */
export const LIVE_HOME_MS = 12 * 60 * 60 * 1000;

export interface HomePublisherDeps {
  services: Pick<ServiceContext, 'db' | 'clock' | 'playbooks'>;
  config: DeskConfig;
  roles: RoleDirectory;
  workspace: Workspace;
  /** The quarter's KPI blocks for desk leads (none when not given). */
  kpiBlocks?: (now: Date) => Promise<Block[]>;
}

export class HomePublisher {
  constructor(private readonly deps: HomePublisherDeps) {}

  async publish(client: WebClient, userId: string, pages: HomePages = {}): Promise<void> {
    const viewer = await this.viewer(userId);
    const now = this.deps.services.clock.now();
    const model = await loadHomeModel({ ...this.deps.services, config: this.deps.config, now }, viewer);
    const [threadUrls, failedDeliveries, kpiBlocks] = await Promise.all([
      this.threadUrls(model),
      viewer.isDeskAdmin ? this.failedDeliveries() : Promise.resolve(null),
      viewer.isDeskAdmin ? this.kpiBlocks(now) : Promise.resolve([]),
    ]);
    const view = homeView({ model, pages, threadUrls, failedDeliveries, kpiBlocks });
    await client.views.publish({ user_id: userId, view: asView(view) });
  }

  /** Someone opened their Home: it is published now, and kept fresh while they may be looking. */
  async opened(client: WebClient, userId: string): Promise<void> {
    await noteHomeOpened(this.deps.services.db, userId, this.deps.services.clock.now());
    await this.publish(client, userId);
  }

  /** The people an audience names who opened their Home lately: the Homes worth refreshing. */
  async membersOf(audience: HomeAudience): Promise<string[]> {
    const since = new Date(this.deps.services.clock.now().getTime() - LIVE_HOME_MS);
    return recentHomeViewers(this.deps.services.db, await this.namedBy(audience), since);
  }

  private async namedBy(audience: HomeAudience): Promise<string[]> {
    if ('users' in audience) return [...new Set(audience.users)];
    if ('deskAdmins' in audience) return this.deps.roles.membersOf(this.deps.config.deskAdmins);
    return this.deps.roles.membersOf(this.deps.config.regions[audience.region].roles[audience.role]);
  }

  private async viewer(userId: string): Promise<HomeViewer> {
    const actors = await Promise.all(REGIONS.map((region) => this.deps.roles.actorFor(userId, region)));
    return {
      userId,
      rolesByRegion: Object.fromEntries(
        REGIONS.map((region, index) => [region, actors[index]?.roles ?? []]),
      ) as Record<Region, Role[]>,
      isDeskAdmin: actors.some((actor) => actor.isDeskAdmin),
    };
  }

  private async threadUrls(model: HomeModel): Promise<Map<string, string>> {
    const listed = [...model.mine, ...model.queue, ...model.holding];
    const urls = new Map<string, string>();
    for (const request of listed) {
      const url = await this.deps.workspace.permalink(request.deskChannel, request.parentTs);
      if (url) urls.set(request.id, url);
    }
    return urls;
  }

  /** A KPI query that fails leaves the rest of the Home standing, with a note in its place. */
  private async kpiBlocks(now: Date): Promise<Block[]> {
    if (!this.deps.kpiBlocks) return [];
    try {
      return await this.deps.kpiBlocks(now);
    } catch {
      return [context('The desk KPIs could not be read just now; open the Home again in a moment.')];
    }
  }

  private async failedDeliveries(): Promise<FailedDeliveries> {
    const { rows, total } = await listFailedOutbox(this.deps.services.db, MAX_FAILED_DELIVERIES_SHOWN);
    return { shown: rows.map((row) => ({ ...row, id: row.id.toString() })), total };
  }
}
