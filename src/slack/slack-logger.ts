// Bolt's and the WebClient's own log lines, through the desk's logger: JSON like every other line,
// scrubbed of tokens, and carrying the Slack request's fields when logged while handling one.

import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../logger.ts';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

export function slackLogger(logger: Logger, level: LogLevel): SlackLogger {
  let threshold = level;
  let name = 'bolt';
  const at =
    (which: LogLevel, write: (message: string, fields: Record<string, unknown>) => void) =>
    (...parts: unknown[]) => {
      if (ORDER[which] < ORDER[threshold]) return;
      const error = parts.find((part) => part instanceof Error);
      const message = parts
        .filter((part) => part !== error)
        .map((part) => (typeof part === 'string' ? part : safeJson(part)))
        .join(' ');
      write(message || (error instanceof Error ? error.message : ''), {
        source: name,
        ...(error ? { error } : {}),
      });
    };
  return {
    debug: at(LogLevel.DEBUG, (message, fields) => logger.debug(message, fields)),
    info: at(LogLevel.INFO, (message, fields) => logger.info(message, fields)),
    warn: at(LogLevel.WARN, (message, fields) => logger.warn(message, fields)),
    error: at(LogLevel.ERROR, (message, fields) => logger.error(message, fields)),
    setLevel: (next) => {
      threshold = next;
    },
    getLevel: () => threshold,
    setName: (next) => {
      name = next;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'bigint' ? item.toString() : item,
    );
  } catch {
    return String(value);
  }
}
