import type { ServiceContext } from '../app/context.ts';
import type { DeskConfig } from '../config/desk-config.ts';
import type { Logger } from '../logger.ts';
import type { HomePublisher } from './home-publisher.ts';
import type { RoleDirectory } from './role-directory.ts';
import type { UserDirectory } from './user-directory.ts';
import type { Workspace } from './workspace.ts';

/** What the Slack listeners are given by the composition root. */
export interface SlackDeps {
  services: ServiceContext;
  config: DeskConfig;
  logger: Logger;
  users: UserDirectory;
  roles: RoleDirectory;
  workspace: Workspace;
  home: HomePublisher;
}
