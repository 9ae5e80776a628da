// The playground's Block Kit browser module: turns what a person does on the server-rendered blocks
// (src/playground/blocks) into Slack-shaped data. See src/playground/blocks/contract.ts for the
// data attributes it reads and the intent it reports.

export type {
  ActionContainer,
  BlockActionIntent,
  ConfirmObject,
  OptionObject,
  TextObject,
  ViewStateEntry,
  ViewStateValues,
} from '../blocks/contract.ts';
export { slackAction } from '../blocks/contract.ts';
export { actionFromEvent, listenForActions, performAction } from './blocks-actions.ts';
export { confirmDialog } from './blocks-confirm.ts';
export { collectViewState } from './blocks-state.ts';
export { clearErrors, showErrors, validateView } from './blocks-validate.ts';
