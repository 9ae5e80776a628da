// Process environment, validated once at start; every problem is reported together.

import { z } from 'zod';

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is missing' })
    .startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }),
  SLACK_SIGNING_SECRET: z.string().min(1, { error: 'is empty' }).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' })
    .optional(),
  SLACK_API_URL: z
    .url({ error: 'must be a URL such as https://slack.com/api/' })
    .default(DEFAULT_SLACK_API_URL)
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL: how long to wait for a new connection before answering "try again". */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100, { error: 'must be at least 100' })
    .default(5000),
  /** PostgreSQL: how long one query may go unanswered (a hung server, a dead network path). */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100, { error: 'must be at least 100' })
    .default(15000),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(0)
    .max(65_535, { error: 'must be a port number' })
    .default(3000),
  BOOKING_DESK_CONFIG: z.string().min(1).default('booking-desk.yml'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Bearer token of the CSV export endpoint (/admin/export); the endpoint is off without it. */
  ADMIN_TOKEN: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. openssl rand -hex 32)' })
    .optional(),
  /** GET /metrics (Prometheus text format, unauthenticated) on the HTTP port; `false` turns it off. */
  METRICS_ENABLED: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  /** The longest wait for one Slack Web API answer: a hung Slack must not hold the outbox or a listener. */
  SLACK_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100, { error: 'must be at least 100' })
    .default(10_000),
  /** Least time between two outbox posts into one channel (Slack allows about one a second); 0: none. */
  OUTBOX_CHANNEL_INTERVAL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(0, { error: 'must be 0 or more' })
    .default(1000),
});
export type Env = z.infer<typeof EnvSchema>;

const WHERE_TO_GET: Record<string, string> = {
  SLACK_BOT_TOKEN: 'OAuth & Permissions → Bot User OAuth Token (xoxb-…)',
  SLACK_SIGNING_SECRET: 'Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN: 'Basic Information → App-Level Tokens, scope connections:write (xapp-…)',
};

export type EnvResult = { ok: true; env: Env } | { ok: false; message: string };

export function loadEnv(source: Record<string, string | undefined>): EnvResult {
  // An empty variable means "not set" (a common .env leftover), not an empty value.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const issues = parsed.success ? [] : parsed.error.issues.map(({ path, message }) => ({ path, message }));
  // HTTP mode verifies Slack's signature; Socket Mode authenticates with the app token instead.
  if (!cleaned.SLACK_APP_TOKEN && !cleaned.SLACK_SIGNING_SECRET) {
    issues.push({ path: ['SLACK_SIGNING_SECRET'], message: 'is missing' });
  }
  if (parsed.success && issues.length === 0) return { ok: true, env: parsed.data };
  const lines = issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const hint = WHERE_TO_GET[name];
    return `  ${name} ${issue.message}${hint ? ` — in your Slack app's settings: ${hint}` : ''}`;
  });
  return {
    ok: false,
    message: [
      'Booking Desk cannot start: the environment is incomplete.',
      ...lines,
      'Set them in the environment or in a .env file (see .env.example and the README).',
    ].join('\n'),
  };
}
