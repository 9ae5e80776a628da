// Every playbook version the desk has ever started requests with. A request keeps walking the version it
// started with, so publishing version 2 never changes a request in flight.

import type { Playbook, PlaybookRef } from './schema.ts';

export interface PlaybookRegistry {
  /** The exact version a request started with; undefined when this deployment no longer knows it. */
  get(ref: PlaybookRef): Playbook | undefined;
  /** The newest version of a playbook: the one new requests start with. */
  latest(id: string): Playbook | undefined;
  all(): readonly Playbook[];
}

export function refOf(playbook: Playbook): PlaybookRef {
  return { id: playbook.id, version: playbook.version };
}

export function formatPlaybookRef(ref: PlaybookRef): string {
  return `${ref.id}@v${ref.version}`;
}

/** Throws on two playbooks with the same id and version: two meanings for one ref is a deploy error. */
export function createPlaybookRegistry(playbooks: readonly Playbook[]): PlaybookRegistry {
  const byRef = new Map<string, Playbook>();
  for (const playbook of playbooks) {
    const key = formatPlaybookRef(playbook);
    if (byRef.has(key)) throw new Error(`Playbook ${key} is registered twice.`);
    byRef.set(key, playbook);
  }
  const list = [...byRef.values()];
  return {
    get: (ref) => byRef.get(formatPlaybookRef(ref)),
    latest: (id) =>
      list
        .filter((playbook) => playbook.id === id)
        .reduce<Playbook | undefined>((best, p) => (best && best.version > p.version ? best : p), undefined),
    all: () => list,
  };
}
