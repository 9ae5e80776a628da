// Human references for requests: BK-<year>-<six-digit yearly sequence>.

const REFERENCE = /^BK-(\d{4})-(\d{6,})$/i;

export function formatReference(year: number, sequence: number): string {
  return `BK-${year}-${String(sequence).padStart(6, '0')}`;
}

export function isReference(text: string): boolean {
  return REFERENCE.test(text.trim());
}

export function normalizeReference(text: string): string {
  return text.trim().toUpperCase();
}
