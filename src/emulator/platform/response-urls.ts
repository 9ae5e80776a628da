/**
 * `response_url`s handed to the app with slash commands and block actions. Posting to one
 * (Bolt's `respond()`) is recorded and applied: ephemeral or in-channel reply, replace or delete
 * the original message. Slack allows 5 uses within 30 minutes.
 */
import { randomBytes } from 'node:crypto';
import { checkBlocks } from '../block-kit/blocks.ts';
import { isArray, isObject } from '../block-kit/issues.ts';
import type { Recorder } from '../recorder.ts';
import type { EmulatorState } from '../state.ts';
import type { Json, JsonObject } from '../types.ts';

const MAX_USES = 5;
const TTL_MS = 30 * 60 * 1000;

interface ResponseTarget {
  channel: string;
  userId: string;
  messageTs?: string;
  issuedAt: number;
  uses: number;
}

export interface ResponseUrlPost {
  url: string;
  body: JsonObject;
  at: number;
}

export class ResponseUrls {
  private readonly targets = new Map<string, ResponseTarget>();
  readonly posts: ResponseUrlPost[] = [];
  private readonly appliedListeners = new Set<() => void>();

  constructor(
    private readonly state: EmulatorState,
    private readonly recorder: Recorder,
    private readonly baseUrl: () => string,
  ) {}

  issue(target: Omit<ResponseTarget, 'issuedAt' | 'uses'>): string {
    const id = randomBytes(12).toString('hex');
    this.targets.set(id, { ...target, issuedAt: this.state.now(), uses: 0 });
    return `${this.baseUrl()}response/${id}`;
  }

  /** Handles a POST to `/response/<id>`; answers `{ status, text }` like hooks.slack.com. */
  receive(id: string, raw: string): { status: number; text: string } {
    const target = this.targets.get(id);
    let body: Json;
    try {
      body = JSON.parse(raw) as Json;
    } catch {
      return this.reject('response_url body is not JSON', 400, 'invalid_payload');
    }
    if (!isObject(body)) return this.reject('response_url body must be an object', 400, 'invalid_payload');
    this.posts.push({ url: `${this.baseUrl()}response/${id}`, body, at: this.state.now() });
    if (!target) return this.reject(`unknown response_url ${id}`, 404, 'no_active_hooks');
    target.uses += 1;
    if (target.uses > MAX_USES) return this.reject('response_url used more than 5 times', 404, 'used_url');
    if (this.state.now() - target.issuedAt > TTL_MS)
      return this.reject('response_url expired', 404, 'expired_url');
    if (body.blocks !== undefined) {
      const issues = checkBlocks(body.blocks, 'message');
      if (!issues.empty) return this.reject(issues.list.join('; '), 400, 'invalid_blocks');
    }
    this.apply(target, body);
    for (const listener of this.appliedListeners) listener();
    return { status: 200, text: 'ok' };
  }

  /** Calls `listener` after a post changed what Slack shows (a reply, a replaced or deleted message). */
  onApplied(listener: () => void): () => void {
    this.appliedListeners.add(listener);
    return () => {
      this.appliedListeners.delete(listener);
    };
  }

  private apply(target: ResponseTarget, body: JsonObject): void {
    const { messages, workspace } = this.state;
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = isArray(body.blocks) ? body.blocks.filter(isObject) : undefined;
    const original = target.messageTs ? messages.find(target.channel, target.messageTs) : undefined;
    if (body.delete_original === true) {
      if (original) messages.remove(target.channel, original.ts);
      return;
    }
    if (body.replace_original === true && original) {
      original.text = text;
      if (blocks) original.blocks = blocks;
      return;
    }
    if (body.response_type === 'in_channel') {
      const { identity } = workspace;
      messages.add({
        type: 'message',
        channel: target.channel,
        user: identity.botUserId,
        bot_id: identity.botId,
        app_id: identity.appId,
        team: identity.teamId,
        text,
        ...(blocks ? { blocks } : {}),
        ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
      });
      return;
    }
    messages.addEphemeral({
      channel: target.channel,
      user: target.userId,
      text,
      ...(blocks ? { blocks } : {}),
    });
  }

  private reject(message: string, status: number, text: string): { status: number; text: string } {
    this.recorder.violate('response_url', 'response_url', [message]);
    return { status, text };
  }

  reset(): void {
    this.targets.clear();
    this.posts.length = 0;
  }
}
