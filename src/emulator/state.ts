/** Everything the emulated Slack remembers, in one place. */
import type { MessageStore } from './messages.ts';
import type { TriggerStore } from './triggers.ts';
import type { Json, JsonObject } from './types.ts';
import type { ViewStore } from './view-store.ts';
import type { Workspace } from './workspace.ts';

export interface EmulatorState {
  workspace: Workspace;
  messages: MessageStore;
  views: ViewStore;
  triggers: TriggerStore;
  now: () => number;
}

/** A deep, JSON-safe copy (stored objects are never handed out by reference). */
export function toJson(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

export function toJsonValue(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}
