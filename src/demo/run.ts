// Entry of `npm run demo` (tsx src/demo/run.ts): plays the demo, prints it, exits 0; on any failure
// prints one clear message and exits 1. Colours only when stdout is a terminal.

import { runDemo } from './demo.ts';
import { DemoError } from './wait.ts';

const started = performance.now();
let code = 0;
try {
  await runDemo({
    write: (text) => process.stdout.write(text),
    ansi: process.stdout.isTTY === true,
  });
  process.stdout.write(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
} catch (error) {
  const message =
    error instanceof DemoError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`demo failed: ${message}\n`);
  code = 1;
}
process.exitCode = code;
// Everything is closed by now; should anything still hold the event loop, do not hang on it.
setTimeout(() => process.exit(code), 2000).unref();
