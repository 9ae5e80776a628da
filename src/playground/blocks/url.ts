// Which links the playground makes clickable: http, https and mailto only. Anything else
// (javascript:, data:, relative paths) stays text, so app text can never run script in the page.

export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** Images are loaded, so only http and https. */
export function safeImageUrl(url: string): string | undefined {
  const safe = safeUrl(url);
  return safe && /^https?:/i.test(safe) ? safe : undefined;
}
