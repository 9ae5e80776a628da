/** Slack emulator for tests, demos and the playground. See README.md in this folder. */
import { SlackEmulator, type SlackEmulatorOptions } from './emulator.ts';

export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  return new SlackEmulator(options).start();
}

export { checkBlocks } from './block-kit/blocks.ts';
export { checkView } from './block-kit/views.ts';
export type { ChangeListener, EmulatorChange } from './changes.ts';
export { type ArgKind, ContractBook, type MethodContract, resolveContractsDir } from './contracts.ts';
export { type AddMessageInput, SlackEmulator, type SlackEmulatorOptions } from './emulator.ts';
export type { FaultSpec, Interceptor } from './faults.ts';
export type {
  ActionTarget,
  CheckBoxesInput,
  ClickButtonInput,
  SelectOptionInput,
} from './platform/actions.ts';
export type { BlockActionInput } from './platform/element-action.ts';
export type {
  IncompleteForm,
  SubmitViewStateInput,
  ViewStateSubmission,
} from './platform/form-submission.ts';
export type {
  BlockActionResponse,
  CommandResponse,
  EventOptions,
  EventResponse,
  InteractionResponse,
  SlashCommandInput,
} from './platform/inbound.ts';
export type { PostedUserMessage, PostUserMessageInput } from './platform/person.ts';
export type { ResponseUrlPost } from './platform/response-urls.ts';
export type { AppResponse, RawRequest } from './platform/sender.ts';
export type { ResponseAction, SubmissionResponse, SubmitViewInput } from './platform/submissions.ts';
export type { InputValue } from './platform/view-state.ts';
export { expectNoViolations, formatViolations } from './recorder.ts';
export { computeSignature, type SignedHeaders, signedHeaders } from './signing.ts';
export type * from './types.ts';
export { EMULATED_METHODS } from './web-api/dispatch.ts';
