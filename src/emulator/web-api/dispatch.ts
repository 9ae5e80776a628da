/**
 * The Web API pipeline: contract lookup, interceptors (faults), HTTP verb, token, arguments, then
 * the method's handler. Every call is recorded; every contract breach is a violation.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContractBook, MethodContract } from '../contracts.ts';
import type { FaultSpec, Interceptor } from '../faults.ts';
import type { Recorder } from '../recorder.ts';
import type { EmulatorState } from '../state.ts';
import type { JsonObject, ViolationKind } from '../types.ts';
import { checkArgs } from './args.ts';
import { chatHandlers } from './chat.ts';
import { type ApiContext, type ApiHandler, fail } from './context.ts';
import { conversationHandlers } from './conversations.ts';
import { directoryHandlers } from './directory.ts';
import type { ApiRequest } from './request.ts';
import { viewHandlers } from './views.ts';

export type ApiOutcome =
  | { kind: 'json'; status: number; body: JsonObject; headers?: Record<string, string> }
  | { kind: 'text'; status: number; body: string }
  | { kind: 'drop' };

const HANDLERS: Record<string, ApiHandler> = {
  ...chatHandlers,
  ...viewHandlers,
  ...conversationHandlers,
  ...directoryHandlers,
};

export const EMULATED_METHODS = Object.keys(HANDLERS).sort();

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function faultOutcome(spec: FaultSpec): ApiOutcome | undefined {
  if ('drop' in spec) return { kind: 'drop' };
  if ('error' in spec) return { kind: 'json', status: 200, body: fail(spec.error) };
  if ('retryAfter' in spec) {
    return {
      kind: 'json',
      status: 429,
      body: fail('ratelimited'),
      headers: { 'retry-after': String(spec.retryAfter) },
    };
  }
  if ('status' in spec)
    return {
      kind: 'text',
      status: spec.status,
      body: `<html><body>${spec.status} ${STATUS_TEXT[spec.status]}</body></html>`,
    };
  return undefined;
}

export interface WebApiOptions {
  contracts: ContractBook;
  state: EmulatorState;
  recorder: Recorder;
  interceptors: Interceptor[];
  botToken: string;
}

export class WebApi {
  constructor(private readonly options: WebApiOptions) {}

  /** Answers a parse failure (bad body) for `method`. */
  rejectBody(method: string, error: string, message: string): ApiOutcome {
    this.options.recorder.violate('arguments', method, [message]);
    return this.finish(method, {}, { kind: 'json', status: 200, body: fail(error, [message]) });
  }

  async handle(request: ApiRequest): Promise<ApiOutcome> {
    const { contracts, recorder } = this.options;
    const contract = contracts.get(request.method);
    const handler = HANDLERS[request.method];
    const { token: _token, ...recordedArgs } = request.args;
    if (!contract || !handler) {
      const why = contract ? 'is not emulated' : 'is not a Slack Web API method';
      recorder.violate('unknown_method', request.method, [`${request.method} ${why}`]);
      return this.finish(request.method, recordedArgs, {
        kind: 'json',
        status: 200,
        body: fail('unknown_method'),
      });
    }
    let loseResponse = false;
    for (const interceptor of this.options.interceptors) {
      const spec = interceptor.intercept(request.method, contract, recordedArgs);
      if (!spec) continue;
      if ('delayMs' in spec) {
        await sleep(spec.delayMs);
        continue;
      }
      if ('loseResponse' in spec) {
        loseResponse = true;
        continue;
      }
      const outcome = faultOutcome(spec);
      if (outcome) return this.finish(request.method, checkArgs(contract, request.args).args, outcome);
    }
    const { args, body } = this.answer(request, contract, handler);
    if (loseResponse) return this.finish(request.method, args, { kind: 'drop' });
    return this.finish(request.method, args, { kind: 'json', status: 200, body });
  }

  private answer(
    request: ApiRequest,
    contract: MethodContract,
    handler: ApiHandler,
  ): { args: JsonObject; body: JsonObject } {
    const { recorder, botToken, state } = this.options;
    const violate = (kind: ViolationKind, messages: string[]) =>
      recorder.violate(kind, request.method, messages);
    const { token: _token, ...rawArgs } = request.args;
    if (request.httpMethod !== 'POST' && request.httpMethod !== contract.httpMethod) {
      const message = `[ERROR] ${request.method} must be called with POST${contract.httpMethod === 'GET' ? ' or GET' : ''}`;
      violate('http_verb', [message]);
      return { args: rawArgs, body: fail('invalid_arguments', [message]) };
    }
    if (!request.token) {
      violate('auth', ['no token (Authorization: Bearer header or token argument)']);
      return { args: rawArgs, body: fail('not_authed') };
    }
    if (request.token !== botToken) {
      violate('auth', ['token is not the bot token']);
      return { args: rawArgs, body: fail('invalid_auth') };
    }
    const checked = checkArgs(contract, request.args);
    if (!checked.ok) {
      violate('arguments', checked.messages);
      return { args: checked.args, body: fail(checked.error, checked.messages) };
    }
    const ctx: ApiContext = { state, method: request.method, contract, violate };
    return { args: checked.args, body: handler(checked.args, ctx) };
  }

  private finish(method: string, args: JsonObject, outcome: ApiOutcome): ApiOutcome {
    const response = outcome.kind === 'drop' ? null : outcome.body;
    const status = outcome.kind === 'drop' ? 0 : outcome.status;
    this.options.recorder.recordCall({ method, args, response, status });
    return outcome;
  }
}
