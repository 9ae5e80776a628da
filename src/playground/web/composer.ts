// The message box: Enter sends, Shift+Enter starts a new line. Text starting with "/" is a slash
// command (e.g. `/book Q-1234`); anything else is a message (or a thread reply).

import { h } from './dom.ts';

export interface Composer {
  element: HTMLElement;
  setPlaceholder(text: string): void;
  focus(): void;
}

export function createComposer(name: string, onSend: (text: string) => Promise<boolean>): Composer {
  const input = h('textarea', {
    class: 'pg-composer-input',
    rows: 1,
    name,
    'aria-label': 'Message',
  });
  const send = h('button', { type: 'submit', class: 'pg-composer-send', title: 'Send' }, '➤');
  const form = h('form', { class: 'pg-composer', 'data-composer': name }, input, send);
  const hint = h(
    'div',
    { class: 'pg-composer-hint' },
    'Type ',
    h('kbd', {}, '/book'),
    ' to open the booking form, ',
    h('kbd', {}, '/book help'),
    ' for the rest.',
  );
  const submit = async () => {
    const text = input.value;
    if (text.trim() === '') return;
    input.disabled = true;
    send.disabled = true;
    try {
      if (await onSend(text)) input.value = '';
    } finally {
      input.disabled = false;
      send.disabled = false;
      input.focus();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  });
  const element = h('div', { class: 'pg-composer-wrap' }, form, hint);
  return {
    element,
    setPlaceholder: (text) => input.setAttribute('placeholder', text),
    focus: () => input.focus(),
  };
}
