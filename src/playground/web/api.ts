// The page's calls to the playground server: JSON in, JSON out, a readable error otherwise.

export class ApiError extends Error {}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(`the playground answered ${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const error = (body as { error?: unknown }).error;
    throw new ApiError(typeof error === 'string' ? error : `the playground answered ${response.status}`);
  }
  return body as T;
}

export async function getJson<T>(path: string, params: Record<string, string> = {}): Promise<T> {
  const query = new URLSearchParams(params).toString();
  return answer<T>(await fetch(query ? `${path}?${query}` : path, { cache: 'no-store' }));
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}
