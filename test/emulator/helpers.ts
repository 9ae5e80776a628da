/** Shared fixtures for the emulator's own tests. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import {
  type SlackEmulator,
  type SlackEmulatorOptions,
  startSlackEmulator,
} from '../../src/emulator/index.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export async function seededEmulator(options: Partial<SlackEmulatorOptions> = {}): Promise<SlackEmulator> {
  const emu = await startSlackEmulator({ signingSecret: SIGNING_SECRET, ...options });
  emu.addUser({ id: 'U_REP', name: 'rita', realName: 'Rita Rep', tz: 'Europe/London' });
  emu.addUser({ id: 'U_OPS', name: 'oscar', realName: 'Oscar Ops', tz: 'America/New_York' });
  emu.addChannel({ id: 'C_DESK', name: 'booking-desk' });
  emu.addUsergroup({ id: 'S_BILL_EMEA', handle: 'billing-emea', users: ['U_OPS'] });
  return emu;
}

/** A logger that keeps WebClient's warnings about deliberately bad calls out of the test output. */
export const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export function webClient(emu: SlackEmulator, token = emu.botToken): WebClient {
  return new WebClient(token, {
    slackApiUrl: emu.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quietLogger,
  });
}

/** POSTs to the emulator's Web API with fetch. */
export async function callApi(
  emu: SlackEmulator,
  method: string,
  body: string | object,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const isForm = typeof body === 'string';
  const res = await fetch(`${emu.apiUrl}${method}`, {
    method: 'POST',
    headers: {
      'content-type': isForm ? 'application/x-www-form-urlencoded' : 'application/json',
      authorization: `Bearer ${emu.botToken}`,
      ...headers,
    },
    body: isForm ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export interface CapturedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export type FakeAnswer = { status?: number; body?: string; json?: unknown; delayMs?: number };

/** A stand-in app: records requests and answers with `answer(req)`. */
export async function fakeApp(
  answer: (req: CapturedRequest) => FakeAnswer = () => ({}),
): Promise<{ url: string; requests: CapturedRequest[]; close: () => Promise<void> }> {
  const requests: CapturedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(captured);
      const a = answer(captured);
      const reply = () => {
        if (a.json !== undefined) {
          res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(a.json));
        } else {
          res.writeHead(a.status ?? 200);
          res.end(a.body ?? '');
        }
      };
      if (a.delayMs) setTimeout(reply, a.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function payloadOf(req: CapturedRequest): Record<string, unknown> {
  const payload = new URLSearchParams(req.body).get('payload');
  if (payload === null) throw new Error('no payload field');
  return JSON.parse(payload) as Record<string, unknown>;
}

export const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const button = (actionId: string, text: string, value?: string) => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text },
  ...(value === undefined ? {} : { value }),
});
