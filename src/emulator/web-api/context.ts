/** What a Web API method handler gets, and how it answers. */
import { checkBlocks } from '../block-kit/blocks.ts';
import { isArray, isObject } from '../block-kit/issues.ts';
import type { MethodContract } from '../contracts.ts';
import type { EmulatorState } from '../state.ts';
import type { JsonObject, MessageMetadata, ViolationKind } from '../types.ts';

export interface ApiContext {
  state: EmulatorState;
  method: string;
  contract: MethodContract;
  violate(kind: ViolationKind, messages: string[]): void;
}

export type ApiHandler = (args: JsonObject, ctx: ApiContext) => JsonObject;

export function fail(error: string, messages?: string[]): JsonObject {
  return messages?.length ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Block Kit mistakes: `invalid_blocks` where the contract lists it, else `invalid_arguments`. */
export function blockKitFailure(ctx: ApiContext, messages: string[]): JsonObject {
  ctx.violate('block_kit', messages);
  return fail(ctx.contract.errors.has('invalid_blocks') ? 'invalid_blocks' : 'invalid_arguments', messages);
}

export type ContentCheck =
  | { ok: true; blocks?: JsonObject[]; metadata?: MessageMetadata }
  | { ok: false; response: JsonObject };

/** Checks the `blocks` and `metadata` of a message-posting call. */
export function checkMessageContent(args: JsonObject, ctx: ApiContext): ContentCheck {
  let blocks: JsonObject[] | undefined;
  if (args.blocks !== undefined && args.blocks !== null) {
    const issues = checkBlocks(args.blocks, 'message');
    if (!issues.empty) return { ok: false, response: blockKitFailure(ctx, issues.list) };
    blocks = isArray(args.blocks) ? args.blocks.filter(isObject) : [];
  }
  const metadata = args.metadata;
  if (metadata === undefined || metadata === null) return { ok: true, blocks };
  if (!isObject(metadata)) {
    const messages = ['[ERROR] metadata must be a JSON object'];
    ctx.violate('arguments', messages);
    return { ok: false, response: fail('invalid_metadata_format', messages) };
  }
  if (typeof metadata.event_type !== 'string' || !isObject(metadata.event_payload)) {
    const messages = ['[ERROR] metadata needs a string event_type and an object event_payload'];
    ctx.violate('arguments', messages);
    return { ok: false, response: fail('invalid_metadata_schema', messages) };
  }
  return {
    ok: true,
    blocks,
    metadata: { event_type: metadata.event_type, event_payload: metadata.event_payload },
  };
}
