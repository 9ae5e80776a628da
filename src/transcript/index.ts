// Block Kit → plain text: what the bot posted, readable in a terminal (for `npm run demo`).

export { type BlockOptions, renderBlocks } from './blocks.ts';
export type { RenderContext } from './context.ts';
export { replaceEmoji } from './emoji.ts';
export {
  type EphemeralLike,
  formatTs,
  type MessageLike,
  type MessageOptions,
  renderEphemeral,
  renderMessage,
  renderMessages,
  renderThread,
} from './message.ts';
export { renderMrkdwn } from './mrkdwn.ts';
export { formatSlackDate } from './slack-date.ts';
export { renderTranscript, type TranscriptSection } from './transcript.ts';
export { renderView, type ViewLike } from './view.ts';
