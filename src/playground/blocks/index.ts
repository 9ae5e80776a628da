// Block Kit → HTML for the playground: pure functions of the app's JSON and the workspace's names.
// See contract.ts for the data attributes the browser module (src/playground/web/blocks-*.ts) reads.

export { type BlockListOptions, renderBlock, renderBlocks, SUPPORTED_BLOCK_TYPES } from './blocks.ts';
export type { RenderContext, Surface } from './context.ts';
export * from './contract.ts';
export { SUPPORTED_ELEMENT_TYPES } from './elements/index.ts';
export { emojiFor, knownEmojiNames } from './emoji.ts';
export { escapeHtml } from './escape.ts';
export { renderMrkdwn } from './mrkdwn.ts';
export { type MessageLike, type ModalContext, renderHome, renderMessage, renderModal } from './surfaces.ts';
export { renderPlainText, renderText } from './text.ts';
