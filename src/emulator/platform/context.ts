/** What the platform side (requests from Slack to the app) works with, and shared payload parts. */
import type { Recorder } from '../recorder.ts';
import type { EmulatorState } from '../state.ts';
import type { JsonObject } from '../types.ts';
import type { ResponseUrls } from './response-urls.ts';
import type { AppSender } from './sender.ts';

export interface PlatformDeps {
  state: EmulatorState;
  sender: AppSender;
  responseUrls: ResponseUrls;
  recorder: Recorder;
  /** The legacy verification token Slack puts in every payload. */
  verificationToken: string;
}

export function userRef(deps: PlatformDeps, userId: string): JsonObject {
  const user = deps.state.workspace.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}: call addUser() first`);
  const { teamId } = deps.state.workspace.identity;
  return { id: user.id, username: user.name, name: user.name, team_id: teamId };
}

export function teamRef(deps: PlatformDeps): JsonObject {
  const { teamId, teamDomain } = deps.state.workspace.identity;
  return { id: teamId, domain: teamDomain };
}

/** `action_ts`-style timestamp (seconds with microseconds): strictly increasing, as Slack's are in practice. */
export function actionTs(deps: PlatformDeps): string {
  return deps.state.messages.nextTs();
}

/** Fields every interactivity payload carries. */
export function interactionBase(deps: PlatformDeps, type: string, userId: string): JsonObject {
  return {
    type,
    token: deps.verificationToken,
    api_app_id: deps.state.workspace.identity.appId,
    team: teamRef(deps),
    user: userRef(deps, userId),
    enterprise: null,
    is_enterprise_install: false,
  };
}
