// What a person typed into a modal, kept across re-renders. Slack keeps input values when the app
// answers with inline errors or updates the view with the same block_id and action_id, and when a
// pushed view is closed and the one under it shows again; the page does the same.

type Saved = string | boolean | string[];

function keyOf(control: Element): string | undefined {
  const owner = control.closest('[data-action-id]');
  if (!owner) return undefined;
  const own =
    control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  const base = `${owner.getAttribute('data-block-id') ?? ''}|${owner.getAttribute('data-action-id') ?? ''}`;
  return own ? `${base}|${control.value}` : base;
}

function controls(root: Element): Element[] {
  return [...root.querySelectorAll('input, textarea, select')];
}

export function snapshot(root: Element): Map<string, Saved> {
  const saved = new Map<string, Saved>();
  for (const control of controls(root)) {
    const key = keyOf(control);
    if (key === undefined) continue;
    if (control instanceof HTMLSelectElement) {
      saved.set(
        key,
        [...control.selectedOptions].map((option) => option.value),
      );
    } else if (
      control instanceof HTMLInputElement &&
      (control.type === 'checkbox' || control.type === 'radio')
    ) {
      saved.set(key, control.checked);
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      saved.set(key, control.value);
    }
  }
  return saved;
}

export function restore(root: Element, saved: ReadonlyMap<string, Saved>): void {
  for (const control of controls(root)) {
    const key = keyOf(control);
    const value = key === undefined ? undefined : saved.get(key);
    if (value === undefined) continue;
    if (control instanceof HTMLSelectElement && Array.isArray(value)) {
      for (const option of control.options) option.selected = value.includes(option.value);
    } else if (control instanceof HTMLInputElement && typeof value === 'boolean') {
      control.checked = value;
    } else if (
      (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) &&
      typeof value === 'string'
    ) {
      control.value = value;
    }
  }
}
