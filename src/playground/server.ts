// The playground's web server (node:http, 127.0.0.1 only): the page and its assets, JSON reads of
// what a person sees, the actions they take, the clock control, and `/events` (server-sent events)
// telling the page when to re-read. It holds no Slack state of its own: the emulator does.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../emulator/http-server.ts';
import type { SlackEmulator } from '../emulator/index.ts';
import type { PageAssets } from './bundle.ts';
import type { ChangeStream } from './change-stream.ts';
import type { ClockControl } from './clock-control.ts';
import { ClockMoveSchema } from './clock-moves.ts';
import { BadRequest, parseWith, readJson, sendJson, sendText } from './http.ts';
import { blockAction, closeModal, openHome, postMessage, runCommand, submitModal } from './page-actions.ts';
import { channelView, homeView, modalStack, type SurfaceReader, threadView } from './surface-view.ts';
import { renderContext, viewerOf, workspaceView } from './workspace-view.ts';

export interface ServerDeps {
  emulator: SlackEmulator;
  clock: ClockControl;
  changes: ChangeStream;
  assets: PageAssets;
  /** The app's time now (the renderer's "today"). */
  now: () => Date;
}

type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => Promise<unknown> | unknown;

function reader(deps: ServerDeps, url: URL): SurfaceReader {
  const viewer = viewerOf(deps.emulator, url.searchParams.get('as'));
  return { emulator: deps.emulator, viewer, ctx: renderContext(deps.emulator, viewer, deps.now()) };
}

function param(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw new BadRequest(`missing the ${name} parameter`);
  return value;
}

function routes(deps: ServerDeps): Record<string, Handler> {
  const { emulator } = deps;
  const post =
    (action: (emulator: SlackEmulator, body: unknown) => Promise<unknown>) => async (req: IncomingMessage) =>
      action(emulator, await readJson(req));
  return {
    'GET /api/workspace': () => workspaceView(emulator),
    'GET /api/channel': (_req, url) => channelView(reader(deps, url), param(url, 'channel')),
    'GET /api/thread': (_req, url) => threadView(reader(deps, url), param(url, 'channel'), param(url, 'ts')),
    'GET /api/modals': (_req, url) => ({ stack: modalStack(reader(deps, url)) }),
    'GET /api/home': (_req, url) => ({ home: homeView(reader(deps, url)) }),
    'GET /api/clock': () => deps.clock.state(),
    'GET /api/violations': () => ({ violations: emulator.violations }),
    'POST /api/command': post(runCommand),
    'POST /api/message': post(postMessage),
    'POST /api/action': post(blockAction),
    'POST /api/view/submit': post(submitModal),
    'POST /api/view/close': post(closeModal),
    'POST /api/home/open': post(openHome),
    'POST /api/clock': async (req) => deps.clock.move(parseWith(ClockMoveSchema, await readJson(req))),
  };
}

function serveAsset(deps: ServerDeps, path: string, res: ServerResponse): boolean {
  const { assets } = deps;
  if (path === '/' || path === '/index.html') sendText(res, 200, 'text/html', assets.html);
  else if (path === '/app.js') sendText(res, 200, 'text/javascript', assets.script);
  else if (path === '/app.css') sendText(res, 200, 'text/css', assets.styles['app.css']);
  else if (path === '/blocks.css') sendText(res, 200, 'text/css', assets.styles['blocks.css']);
  else return false;
  return true;
}

export interface ListeningPlayground {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listenPlayground(deps: ServerDeps, port: number): Promise<ListeningPlayground> {
  const table = routes(deps);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const method = req.method ?? 'GET';
        if (method === 'GET' && url.pathname === '/events') return deps.changes.attach(res);
        if (method === 'GET' && serveAsset(deps, url.pathname, res)) return;
        const handler = table[`${method} ${url.pathname}`];
        if (!handler) return sendJson(res, 404, { error: `no ${method} ${url.pathname}` });
        sendJson(res, 200, await handler(req, url, res));
      } catch (error) {
        if (res.headersSent) return void res.end();
        if (error instanceof BadRequest) return sendJson(res, error.status, { error: error.message });
        const message = error instanceof Error ? error.message : String(error);
        sendJson(res, 500, { error: `the playground failed: ${message}` });
      }
    })();
  });
  const listening = await listenOnLoopback(server, port, 'the playground');
  return {
    server,
    port: listening.port,
    close: () => {
      deps.changes.close();
      return listening.close();
    },
  };
}
