// `npm run playground` as a function (the tests and the screenshot script start it too): the stage
// (emulator, database, the real app, the clock), the page's assets, and the web server, wired so
// that every change in the emulator reaches open pages as an event.

import { buildPageAssets } from './bundle.ts';
import { ChangeStream } from './change-stream.ts';
import { ClockControl } from './clock-control.ts';
import { listenPlayground } from './server.ts';
import { type PlaygroundStage, type PlaygroundStageOptions, startPlaygroundStage } from './stage.ts';

export const DEFAULT_PORT = 3000;

export interface Playground {
  /** The page's address, e.g. http://127.0.0.1:3000/ */
  url: string;
  port: number;
  stage: PlaygroundStage;
  /** Stops the web server, then the app, the emulator and the database; safe to call twice. */
  stop(): Promise<void>;
}

export interface PlaygroundOptions extends PlaygroundStageOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const assets = await buildPageAssets();
  const stage = await startPlaygroundStage(options);
  const changes = new ChangeStream();
  const unsubscribe = stage.emulator.onChange(() => changes.changed('slack'));
  try {
    const clock = new ClockControl(stage, () => changes.changed('clock'));
    const web = await listenPlayground(
      { emulator: stage.emulator, clock, changes, assets, now: () => stage.clock.now() },
      options.port ?? DEFAULT_PORT,
    );
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        unsubscribe();
        await web.close();
        await stage.stop();
      })();
      return stopping;
    };
    return { url: `http://127.0.0.1:${web.port}/`, port: web.port, stage, stop };
  } catch (error) {
    unsubscribe();
    changes.close();
    await stage.stop();
    throw error;
  }
}
