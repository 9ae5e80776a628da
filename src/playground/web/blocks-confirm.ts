// Slack's confirm dialog as a DOM dialog (title, text, deny and confirm buttons, the confirm button
// green or red by style), so browser tests can click it like a person. Resolves true on confirm;
// false on deny, Escape or a click outside.

import { ATTR, type ConfirmObject, type TextObject } from '../blocks/contract.ts';
import { emojiFor, SHORTCODE } from '../blocks/emoji.ts';
import { decodeSlackEntities } from '../blocks/entities.ts';

/** The words of a text object: mrkdwn shown without its formatting (entities decoded), emoji converted. */
function words(text: TextObject | undefined, fallback: string): string {
  if (!text) return fallback;
  const plain = text.type === 'mrkdwn' ? decodeSlackEntities(text.text) : text.text;
  return plain.replace(SHORTCODE, (match, name: string) => emojiFor(name) ?? match);
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

let dialogs = 0;

export function confirmDialog(confirm: ConfirmObject, doc: Document = document): Promise<boolean> {
  dialogs += 1;
  const id = `bk-confirm-${dialogs}`;
  const backdrop = element(doc, 'div', 'bk-confirm-backdrop');
  const dialog = element(doc, 'div', 'bk-confirm');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-text`);
  const title = element(doc, 'h2', 'bk-confirm-title', words(confirm.title, 'Are you sure?'));
  title.id = `${id}-title`;
  const text = element(doc, 'p', 'bk-confirm-text', words(confirm.text, ''));
  text.id = `${id}-text`;
  const deny = element(doc, 'button', 'bk-btn', words(confirm.deny, 'Cancel'));
  deny.type = 'button';
  deny.setAttribute(ATTR.confirmAction, 'deny');
  const style = confirm.style === 'danger' ? 'danger' : 'primary';
  const yes = element(doc, 'button', `bk-btn bk-btn-${style}`, words(confirm.confirm, 'Yes'));
  yes.type = 'button';
  yes.setAttribute(ATTR.confirmAction, 'confirm');
  const actions = element(doc, 'div', 'bk-confirm-actions');
  actions.append(deny, yes);
  dialog.append(title, text, actions);
  backdrop.append(dialog);

  return new Promise<boolean>((resolve) => {
    const finish = (answer: boolean) => {
      doc.removeEventListener('keydown', onKey, true);
      backdrop.remove();
      resolve(answer);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      }
    };
    deny.addEventListener('click', () => finish(false));
    yes.addEventListener('click', () => finish(true));
    backdrop.addEventListener('click', (event) => {
      if (event.target === backdrop) finish(false);
    });
    doc.addEventListener('keydown', onKey, true);
    doc.body.append(backdrop);
    yes.focus();
  });
}
