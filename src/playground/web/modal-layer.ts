// The modal overlay: the top view of the person's stack (views.push shows over the one below; its
// back arrow and Cancel close it, × and Escape close them all), with the app's inline errors and the
// client's own checks, and what was typed kept when the view is re-rendered.

import type { ActionResult, ModalView } from '../page-types.ts';
import { clearErrors, collectViewState, showErrors, validateView } from './blocks-client.ts';
import { byId, fromHtml, h } from './dom.ts';
import { restore, snapshot } from './form-memory.ts';

export interface ModalHandlers {
  submit(viewId: string, values: ReturnType<typeof collectViewState>): Promise<ActionResult | undefined>;
  close(viewId: string): Promise<void>;
}

const MEMORY_LIMIT = 50;

interface Shown {
  id: string;
  hash: string;
  errors: string;
}

export class ModalLayer {
  private shown: Shown | null = null;
  private stack: ModalView[] = [];
  /** Typed values of views no longer on top, by view id, for when they show again. */
  private readonly memory = new Map<string, ReturnType<typeof snapshot>>();
  private readonly layer = byId('pg-modal-layer');

  constructor(private readonly handlers: ModalHandlers) {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.stack.length > 0 && !document.querySelector('.bk-confirm')) {
        void this.handlers.close(this.stack[0]!.id);
      }
    });
  }

  private get form(): HTMLFormElement | null {
    return this.layer.querySelector('form.bk-modal');
  }

  update(stack: ModalView[], options: { forceErrors?: boolean } = {}): void {
    this.stack = stack;
    const top = stack.at(-1);
    const form = this.form;
    if (!top) {
      // Closed, or another person is viewing: what was typed comes back if this view shows again.
      if (form && this.shown) this.remember(this.shown.id, snapshot(form));
      this.shown = null;
      this.layer.hidden = true;
      this.layer.replaceChildren();
      return;
    }
    const errors = JSON.stringify(top.errors);
    if (form && this.shown?.id === top.id && this.shown.hash === top.hash) {
      if (this.shown.errors !== errors || options.forceErrors) showErrors(form, top.errors);
      this.shown.errors = errors;
      return;
    }
    // Keep what was typed: in this view when it is re-rendered, in the one below when another is pushed.
    if (form && this.shown) this.remember(this.shown.id, snapshot(form));
    this.show(top, stack.length);
    const saved = this.memory.get(top.id);
    const next = this.form;
    if (saved && next) restore(next, saved);
    this.shown = { id: top.id, hash: top.hash, errors };
  }

  /** Kept per view id (also across "viewing as" switches); the oldest go first. */
  private remember(viewId: string, saved: ReturnType<typeof snapshot>): void {
    this.memory.delete(viewId);
    this.memory.set(viewId, saved);
    for (const id of this.memory.keys()) {
      if (this.memory.size <= MEMORY_LIMIT) break;
      this.memory.delete(id);
    }
  }

  private show(view: ModalView, depth: number): void {
    const frame = h('div', { class: 'pg-modal-frame', 'data-view-id': view.id, 'data-depth': depth });
    frame.append(fromHtml(view.html));
    const form = frame.querySelector('form.bk-modal');
    if (form instanceof HTMLFormElement) this.wire(form, view, depth);
    this.layer.replaceChildren(h('div', { class: 'pg-modal-backdrop' }), frame);
    this.layer.hidden = false;
    const first = frame.querySelector<HTMLElement>('[autofocus], input, textarea, select');
    first?.focus();
  }

  private wire(form: HTMLFormElement, view: ModalView, depth: number): void {
    if (depth > 1) {
      const back = h('button', { type: 'button', class: 'pg-modal-back', 'aria-label': 'Back' }, '←');
      back.addEventListener('click', () => void this.handlers.close(view.id));
      form.querySelector('.bk-modal-header')?.prepend(back);
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(form, view.id);
    });
    for (const button of form.querySelectorAll('[data-modal-action="close"]')) {
      const closesAll = button.classList.contains('bk-modal-x');
      button.addEventListener('click', () => {
        const target = closesAll ? this.stack[0]?.id : view.id;
        if (target) void this.handlers.close(target);
      });
    }
  }

  private async submit(form: HTMLFormElement, viewId: string): Promise<void> {
    const problems = validateView(form);
    if (Object.keys(problems).length > 0) {
      showErrors(form, problems);
      return;
    }
    clearErrors(form);
    const button = form.querySelector<HTMLButtonElement>('[data-modal-action="submit"]');
    if (button) button.disabled = true;
    form.classList.add('pg-submitting');
    try {
      const result = await this.handlers.submit(viewId, collectViewState(form));
      if (result?.outcome === 'incomplete' && result.errors) showErrors(form, result.errors);
    } finally {
      if (button) button.disabled = false;
      form.classList.remove('pg-submitting');
    }
  }
}
