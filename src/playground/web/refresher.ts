// Re-reading what the page shows, one read at a time: a request while a read runs asks for exactly
// one more after it (so a burst of changes costs two reads, and the last one sees everything). A
// failure is reported once until a read succeeds again.

export type Refresh = () => Promise<void>;

export function coalescing(read: () => Promise<void>, report: (message: string) => void): Refresh {
  let running: Promise<void> | null = null;
  let again = false;
  let lastError = '';
  const loop = async () => {
    do {
      again = false;
      try {
        await read();
        lastError = '';
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) report(message);
        lastError = message;
      }
    } while (again);
  };
  return async () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    try {
      await running;
    } finally {
      running = null;
    }
  };
}

/** Listens to the server's event stream: `change` events name their topics (`slack`, `clock`). */
export function onServerChanges(listener: (topics: string[]) => void): EventSource {
  const events = new EventSource('/events');
  events.addEventListener('change', (event) => {
    const { topics } = JSON.parse((event as MessageEvent<string>).data) as { topics: string[] };
    listener(topics);
  });
  // Sent on every (re)connection: anything may have changed while the stream was down.
  events.addEventListener('hello', () => listener(['slack', 'clock']));
  return events;
}
