// Short notices at the bottom of the page: what went wrong (the app refused, the server failed), or
// what happened (the clock moved). They go away on their own.

import { byId, h } from './dom.ts';

export function toast(message: string, kind: 'error' | 'info' = 'info', ms = 6000): void {
  const list = byId('pg-toasts');
  const item = h(
    'div',
    { class: `pg-toast pg-toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    message,
  );
  list.append(item);
  setTimeout(() => item.remove(), ms);
}

/** Runs an action, showing its failure as a toast instead of an unhandled rejection. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    toast(error instanceof Error ? error.message : String(error), 'error');
    return undefined;
  }
}
