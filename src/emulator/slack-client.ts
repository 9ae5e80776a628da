/**
 * A person in the Slack client (the playground's page): what they type, post, click, submit and
 * open, shown back to them the way the client shows it, with a change notice after each.
 */
import type { ChangeFeed } from './changes.ts';
import type { PlatformDeps } from './platform/context.ts';
import { type BlockActionInput, blockAction } from './platform/element-action.ts';
import {
  type SubmitViewStateInput,
  submitViewState,
  type ViewStateSubmission,
} from './platform/form-submission.ts';
import type {
  BlockActionResponse,
  CommandResponse,
  EventResponse,
  SlashCommandInput,
} from './platform/inbound.ts';
import {
  openAppHome,
  type PostedUserMessage,
  type PostUserMessageInput,
  postUserMessage,
  typeCommand,
} from './platform/person.ts';

export class SlackClient {
  constructor(
    private readonly deps: PlatformDeps,
    private readonly changes: ChangeFeed,
  ) {}

  /** Sends a slash command and shows its ack's text or blocks to the person, as the client does. */
  typeCommand(input: SlashCommandInput): Promise<CommandResponse> {
    return this.changes.after('slash_command', typeCommand(this.deps, input));
  }

  /** A person's message (or thread reply): stored, then sent to the app as a `message` event. */
  postUserMessage(input: PostUserMessageInput): Promise<PostedUserMessage> {
    return this.changes.after('message', postUserMessage(this.deps, input));
  }

  /** block_actions for any element outside input blocks: buttons, selects, checkboxes, pickers. */
  blockAction(input: BlockActionInput): Promise<BlockActionResponse> {
    return blockAction(this.deps, input);
  }

  /** Submits what the form shows; field errors the client would show come back unsent. */
  submitViewState(input: SubmitViewStateInput): Promise<ViewStateSubmission> {
    return this.changes.after('view_submission', submitViewState(this.deps, input));
  }

  /** The person opens the app's Home tab (or its Messages tab): `app_home_opened`. */
  openAppHome(userId: string, tab: 'home' | 'messages' = 'home'): Promise<EventResponse> {
    return openAppHome(this.deps, userId, tab);
  }
}
