/** Open modal stacks per user (at most 3 deep) and Home tabs, with ids and hashes like Slack's. */
import { randomBytes } from 'node:crypto';
import { fillIds } from './block-kit/fill-ids.ts';
import { isArray, isObject } from './block-kit/issues.ts';
import type { JsonObject, StoredView } from './types.ts';
import type { WorkspaceIdentity } from './workspace.ts';

export const MAX_STACK = 3;

function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export class ViewStore {
  private readonly stacks = new Map<string, StoredView[]>();
  private readonly homes = new Map<string, StoredView>();
  private seq = 0;

  constructor(
    private readonly identity: WorkspaceIdentity,
    private readonly now: () => number,
  ) {}

  private newHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  /** Builds the stored form of a (validated) view payload. */
  build(input: JsonObject, userId: string, base?: StoredView): StoredView {
    this.seq += 1;
    const id = base?.id ?? `V${this.seq.toString(36).toUpperCase().padStart(8, '0')}`;
    const blocks = isArray(input.blocks) ? input.blocks.filter(isObject) : [];
    const view: StoredView = {
      id,
      team_id: this.identity.teamId,
      type: input.type === 'home' ? 'home' : 'modal',
      blocks: fillIds(blocks),
      private_metadata: asString(input.private_metadata),
      callback_id: asString(input.callback_id),
      external_id: asString(input.external_id, base?.external_id ?? ''),
      state: { values: {} },
      hash: this.newHash(),
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
      root_view_id: base?.root_view_id ?? id,
      previous_view_id: base?.previous_view_id ?? null,
      app_id: this.identity.appId,
      bot_id: this.identity.botId,
      app_installed_team_id: this.identity.teamId,
      user_id: userId,
    };
    for (const key of ['title', 'submit', 'close'] as const) {
      const value = input[key];
      if (isObject(value)) view[key] = value;
    }
    return view;
  }

  stackOf(userId: string): StoredView[] {
    return this.stacks.get(userId) ?? [];
  }

  homeOf(userId: string): StoredView | undefined {
    return this.homes.get(userId);
  }

  all(): StoredView[] {
    return [...[...this.stacks.values()].flat(), ...this.homes.values()];
  }

  findById(id: string): StoredView | undefined {
    return this.all().find((v) => v.id === id);
  }

  findByExternalId(externalId: string): StoredView | undefined {
    return externalId === '' ? undefined : this.all().find((v) => v.external_id === externalId);
  }

  /** Opens a new root modal, replacing whatever stack the user had. */
  open(userId: string, input: JsonObject): StoredView {
    const view = this.build(input, userId);
    this.stacks.set(userId, [view]);
    return view;
  }

  /** Pushes onto the user's stack; undefined when the stack is full or empty. */
  push(userId: string, input: JsonObject): StoredView | undefined {
    const stack = this.stackOf(userId);
    const top = stack.at(-1);
    if (!top || stack.length >= MAX_STACK) return undefined;
    const view = this.build(input, userId);
    view.root_view_id = top.root_view_id;
    view.previous_view_id = top.id;
    this.stacks.set(userId, [...stack, view]);
    return view;
  }

  /** Replaces a view in place (same id, new hash). */
  replace(existing: StoredView, input: JsonObject): StoredView {
    const view = this.build(input, existing.user_id, existing);
    if (existing.type === 'home') {
      this.homes.set(existing.user_id, view);
      return view;
    }
    this.stacks.set(
      existing.user_id,
      this.stackOf(existing.user_id).map((v) => (v.id === existing.id ? view : v)),
    );
    return view;
  }

  publishHome(userId: string, input: JsonObject): StoredView {
    const existing = this.homes.get(userId);
    const view = this.build(input, userId, existing);
    this.homes.set(userId, view);
    return view;
  }

  /** Closes a view and every view above it. */
  close(userId: string, viewId: string): void {
    const stack = this.stackOf(userId);
    const index = stack.findIndex((v) => v.id === viewId);
    if (index >= 0) this.stacks.set(userId, stack.slice(0, index));
  }

  clear(userId: string): void {
    this.stacks.delete(userId);
  }

  reset(): void {
    this.stacks.clear();
    this.homes.clear();
  }
}
