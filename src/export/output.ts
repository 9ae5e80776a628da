// Where the CLI writes: a file (opened before the export starts, so a bad path fails at once) or
// stdout (left open; finishing waits until what was written has been handed over).

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export interface Output {
  stream: Writable;
  /** Flushes and closes a file; waits for stdout to drain. Throws what the stream failed with. */
  finish(): Promise<void>;
  /** Closes without caring about what is left (after a failure). */
  abandon(): Promise<void>;
}

export async function openOutput(file: string | undefined, stdout: Writable): Promise<Output> {
  if (file === undefined) return stdoutOutput(stdout);
  const stream = createWriteStream(file, { flags: 'w' });
  await once(stream, 'open');
  return {
    stream,
    async finish() {
      const finished = once(stream, 'close');
      stream.end();
      await finished;
    },
    async abandon() {
      if (stream.closed) return;
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy();
      await closed;
    },
  };
}

function stdoutOutput(stream: Writable): Output {
  let failure: Error | undefined;
  // A reader that goes away (`| head`) makes the next write fail with EPIPE: stop, do not crash.
  const onError = (error: Error) => {
    failure ??= error;
  };
  stream.on('error', onError);
  return {
    stream,
    async finish() {
      if (stream.writableLength > 0 && !stream.destroyed) await once(stream, 'drain');
      stream.off('error', onError);
      if (failure) throw failure;
    },
    // Keeps the error listener: a late EPIPE must not crash the process on its way out.
    async abandon() {},
  };
}
