/** Identity and directory methods: auth.test, users.info, usergroups.list, usergroups.users.list. */
import { DateTime } from 'luxon';
import type { EmulatedUser, EmulatedUsergroup, JsonObject } from '../types.ts';
import { type ApiHandler, fail, str } from './context.ts';

export function userJson(user: EmulatedUser, teamId: string, nowMs: number): JsonObject {
  const zone = DateTime.fromMillis(nowMs, { zone: user.tz });
  const tz = zone.isValid ? user.tz : 'UTC';
  const at = zone.isValid ? zone : DateTime.fromMillis(nowMs, { zone: 'UTC' });
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: user.deleted === true,
    real_name: user.realName,
    tz,
    tz_label: at.offsetNameLong ?? tz,
    tz_offset: at.offset * 60,
    is_bot: user.isBot === true,
    is_app_user: false,
    is_admin: false,
    updated: Math.floor(nowMs / 1000),
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.name,
      display_name_normalized: user.name,
      ...(user.email ? { email: user.email } : {}),
      team: teamId,
    },
  };
}

function groupJson(group: EmulatedUsergroup, teamId: string, withUsers: boolean): JsonObject {
  return {
    id: group.id,
    team_id: teamId,
    is_usergroup: true,
    name: group.name ?? group.handle,
    description: '',
    handle: group.handle,
    is_external: false,
    date_delete: group.disabled ? 1 : 0,
    auto_type: null,
    prefs: { channels: [], groups: [] },
    user_count: group.users.length,
    ...(withUsers ? { users: [...group.users] } : {}),
  };
}

const authTest: ApiHandler = (_args, ctx) => {
  const { identity } = ctx.state.workspace;
  return {
    ok: true,
    url: `https://${identity.teamDomain}.slack.com/`,
    team: identity.teamDomain,
    user: identity.botName,
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    is_enterprise_install: false,
  };
};

const usersInfo: ApiHandler = (args, ctx) => {
  const user = ctx.state.workspace.users.get(String(args.user));
  if (!user) return fail('user_not_found');
  const json = userJson(user, ctx.state.workspace.identity.teamId, ctx.state.now());
  if (args.include_locale === true) json.locale = 'en-US';
  return { ok: true, user: json };
};

const usergroupsList: ApiHandler = (args, ctx) => {
  const { workspace } = ctx.state;
  const groups = [...workspace.usergroups.values()].filter(
    (g) => args.include_disabled === true || !g.disabled,
  );
  const withUsers = args.include_users === true;
  return { ok: true, usergroups: groups.map((g) => groupJson(g, workspace.identity.teamId, withUsers)) };
};

const usergroupUsers: ApiHandler = (args, ctx) => {
  const group = ctx.state.workspace.usergroups.get(str(args.usergroup) ?? '');
  if (!group || (group.disabled && args.include_disabled !== true)) return fail('no_such_subteam');
  return { ok: true, users: [...group.users] };
};

export const directoryHandlers: Record<string, ApiHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'usergroups.list': usergroupsList,
  'usergroups.users.list': usergroupUsers,
};
