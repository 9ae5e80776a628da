/** The Slack emulator: wires state, the Web API server and the platform side together. */
import { ChangeFeed, type ChangeListener, changesState } from './changes.ts';
import { ContractBook } from './contracts.ts';
import { FaultInjector, type FaultSpec } from './faults.ts';
import { type ListeningServer, listen } from './http-server.ts';
import { MessageStore } from './messages.ts';
import {
  type CheckBoxesInput,
  type ClickButtonInput,
  checkBoxes,
  clickButton,
  type SelectOptionInput,
  selectOption,
} from './platform/actions.ts';
import type { PlatformDeps } from './platform/context.ts';
import {
  type BlockActionResponse,
  type CommandResponse,
  type EventOptions,
  type EventResponse,
  type InteractionResponse,
  type SlashCommandInput,
  sendEvent,
  shortcut,
  slashCommand,
  verifyUrl,
} from './platform/inbound.ts';
import { type ResponseUrlPost, ResponseUrls } from './platform/response-urls.ts';
import { ACK_LIMIT_MS, type AppResponse, AppSender, type RawRequest } from './platform/sender.ts';
import {
  closeView,
  type SubmissionResponse,
  type SubmitViewInput,
  submitView,
} from './platform/submissions.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limits.ts';
import { expectNoViolations, Recorder } from './recorder.ts';
import type { SignedHeaders } from './signing.ts';
import { SlackClient } from './slack-client.ts';
import type { EmulatorState } from './state.ts';
import { TriggerStore } from './triggers.ts';
import type {
  EmulatedChannel,
  EmulatedUser,
  EmulatedUsergroup,
  EphemeralMessage,
  JsonObject,
  RecordedCall,
  StoredMessage,
  StoredView,
  Violation,
} from './types.ts';
import { ViewStore } from './view-store.ts';
import { WebApi } from './web-api/dispatch.ts';
import { Workspace } from './workspace.ts';

export interface SlackEmulatorOptions {
  signingSecret: string;
  /** The app's request URL, e.g. `http://127.0.0.1:3000/slack/events`; or call `setAppUrl`. */
  appUrl?: string;
  /** Defaults to `$SLACK_CONTRACTS_DIR`, else `<repo>/../shared/slack-contracts`. */
  contractsDir?: string;
  botToken?: string;
  /** Clock for trigger expiry, `ts` values and recorded times. Default `Date.now`. */
  now?: () => number;
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botName?: string;
  /** Port for the emulator's server; 0 (default) picks a free one. */
  port?: number;
  /** Acks slower than this are violations. Default 3000. */
  ackLimitMs?: number;
  verificationToken?: string;
  /** Slack's rate limits (429 + Retry-After), off unless given; see rate-limits.ts. */
  rateLimits?: RateLimitOptions;
}

export interface AddMessageInput {
  channel: string;
  user: string;
  text: string;
  threadTs?: string;
  blocks?: JsonObject[];
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

export class SlackEmulator {
  readonly botToken: string;
  readonly botUserId: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly contracts: ContractBook;
  private appUrl: string | undefined;
  private readonly recorder: Recorder;
  private readonly state: EmulatorState;
  private readonly faults: FaultInjector;
  private readonly responseUrls: ResponseUrls;
  private readonly deps: PlatformDeps;
  private server: ListeningServer | undefined;
  private readonly changes = new ChangeFeed(() => this.state.now());
  private changesWired = false;
  /** A person in the Slack client: the playground's page acts through this. */
  readonly client: SlackClient;

  constructor(private readonly options: SlackEmulatorOptions) {
    const now = options.now ?? Date.now;
    this.contracts = new ContractBook(options.contractsDir);
    this.botToken = options.botToken ?? 'xoxb-0000000001-emulator-bot-token';
    this.teamId = options.teamId ?? 'T0EMULATOR';
    this.teamDomain = options.teamDomain ?? 'booking-desk';
    this.botUserId = options.botUserId ?? 'U0BOOKINGBOT';
    this.appUrl = options.appUrl;
    const workspace = new Workspace({
      teamId: this.teamId,
      teamDomain: this.teamDomain,
      botUserId: this.botUserId,
      botId: 'B0BOOKINGBOT',
      appId: 'A0BOOKINGAPP',
      botName: options.botName ?? 'booking-desk',
    });
    this.recorder = new Recorder(now);
    this.state = {
      workspace,
      messages: new MessageStore(now),
      views: new ViewStore(workspace.identity, now),
      triggers: new TriggerStore(now),
      now,
    };
    this.faults = new FaultInjector(this.contracts);
    this.responseUrls = new ResponseUrls(this.state, this.recorder, () => this.baseUrl);
    const sender = new AppSender({
      signingSecret: options.signingSecret,
      appUrl: () => this.appUrl,
      recorder: this.recorder,
      ackLimitMs: options.ackLimitMs ?? ACK_LIMIT_MS,
    });
    this.deps = {
      state: this.state,
      sender,
      responseUrls: this.responseUrls,
      recorder: this.recorder,
      verificationToken: options.verificationToken ?? 'emulator-verification-token',
    };
    this.client = new SlackClient(this.deps, this.changes);
  }

  /** Starts the HTTP server. `startSlackEmulator` does this for you. */
  async start(): Promise<this> {
    const webApi = new WebApi({
      contracts: this.contracts,
      state: this.state,
      recorder: this.recorder,
      // Faults first: a fault answers instead of Slack, so it is not counted against a limit.
      interceptors: this.options.rateLimits
        ? [this.faults, new RateLimiter(this.options.rateLimits)]
        : [this.faults],
      botToken: this.botToken,
    });
    this.server = await listen(webApi, this.responseUrls, this.options.port ?? 0);
    return this;
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  private get baseUrl(): string {
    if (!this.server) throw new Error('emulator not started');
    return `http://127.0.0.1:${this.server.port}/`;
  }

  /** Web API base URL (ends in `/`): Bolt's `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}api/`;
  }

  setAppUrl(url: string): void {
    this.appUrl = url;
  }

  // --- seeding ---------------------------------------------------------------------------------
  addUser(user: Omit<EmulatedUser, 'tz'> & { tz?: string }): EmulatedUser {
    return this.state.workspace.addUser({ ...user, tz: user.tz ?? 'UTC' });
  }

  addChannel(channel: EmulatedChannel): EmulatedChannel {
    return this.state.workspace.addChannel(channel);
  }

  addUsergroup(group: EmulatedUsergroup): EmulatedUsergroup {
    return this.state.workspace.addUsergroup(group);
  }

  /** Stores a message written by a person (no event is sent; use `sendEvent` for that). */
  addMessage(input: AddMessageInput): StoredMessage {
    const channel = this.state.workspace.resolveChannel(input.channel);
    if (!channel) throw new Error(`unknown channel ${input.channel}`);
    const stored = this.state.messages.add({
      type: 'message',
      channel: channel.id,
      user: input.user,
      team: this.teamId,
      text: input.text,
      ...(input.blocks ? { blocks: input.blocks } : {}),
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    });
    this.changes.notify('addMessage');
    return copy(stored);
  }

  // --- faults ----------------------------------------------------------------------------------
  /** The next `times` calls of `method` misbehave as `spec` says. */
  fault(method: string, spec: FaultSpec, times = 1): void {
    this.faults.add(method, spec, times);
  }

  /** Forgets every queued fault: Slack is healthy again. */
  clearFaults(): void {
    this.faults.reset();
  }

  // --- recording -------------------------------------------------------------------------------
  get calls(): readonly RecordedCall[] {
    return this.recorder.calls;
  }

  get violations(): readonly Violation[] {
    return this.recorder.violations;
  }

  /** Bodies the app posted to response_urls (Bolt's `respond()`). */
  get responseUrlPosts(): readonly ResponseUrlPost[] {
    return this.responseUrls.posts;
  }

  callsTo(method: string): RecordedCall[] {
    return this.recorder.calls.filter((c) => c.method === method);
  }

  assertNoViolations(): void {
    expectNoViolations(this);
  }

  /** Returns and forgets the violations (for tests that provoke them on purpose). */
  takeViolations(): Violation[] {
    return this.recorder.takeViolations();
  }

  // --- state queries ---------------------------------------------------------------------------
  /** Top-level messages of a channel (id, name or user id for the DM), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    const id = this.state.workspace.resolveChannel(channel)?.id ?? channel;
    return copy(this.state.messages.topLevel(id));
  }

  /** Replies in the thread under `ts` (the parent itself excluded), oldest first. */
  threadOf(channel: string, ts: string): StoredMessage[] {
    const id = this.state.workspace.resolveChannel(channel)?.id ?? channel;
    return copy(this.state.messages.replies(id, ts));
  }

  /** Top-level messages in the bot's DM with the user. */
  dmWith(userId: string): StoredMessage[] {
    const id = this.state.workspace.dmIdOf(userId);
    return id ? copy(this.state.messages.topLevel(id)) : [];
  }

  ephemeralsFor(userId: string): EphemeralMessage[] {
    return copy(this.state.messages.ephemerals.filter((m) => m.user === userId));
  }

  /** The user's modal stack, root first. */
  openViewsOf(userId: string): StoredView[] {
    return copy(this.state.views.stackOf(userId));
  }

  homeOf(userId: string): StoredView | undefined {
    const home = this.state.views.homeOf(userId);
    return home ? copy(home) : undefined;
  }

  /** Everyone in the workspace, the bot included (it has `isBot`). */
  users(): EmulatedUser[] {
    return copy([...this.state.workspace.users.values()]);
  }

  /** Channels, DMs opened so far included (`isIm`). */
  channels(): EmulatedChannel[] {
    return copy([...this.state.workspace.channels.values()]);
  }

  usergroups(): EmulatedUsergroup[] {
    return copy([...this.state.workspace.usergroups.values()]);
  }

  /** The id of the bot's DM with the user, opening it if needed (as `conversations.open` would). */
  dmChannelOf(userId: string): string {
    if (!this.state.workspace.users.has(userId)) throw new Error(`unknown user ${userId}`);
    return this.state.workspace.openDm(userId).id;
  }

  /** Clears messages, views, DMs, triggers, faults, calls and violations; keeps seeded data. */
  reset(): void {
    this.state.messages.reset();
    this.state.views.reset();
    this.state.triggers.reset();
    this.state.workspace.reset();
    this.faults.reset();
    this.responseUrls.reset();
    this.recorder.clear();
  }

  // --- platform side: requests to the app ------------------------------------------------------
  slashCommand(input: SlashCommandInput): Promise<CommandResponse> {
    return slashCommand(this.deps, input);
  }

  shortcut(input: { userId: string; callbackId: string }): Promise<InteractionResponse> {
    return shortcut(this.deps, input);
  }

  clickButton(input: ClickButtonInput): Promise<BlockActionResponse> {
    return clickButton(this.deps, input);
  }

  selectOption(input: SelectOptionInput): Promise<BlockActionResponse> {
    return selectOption(this.deps, input);
  }

  checkBoxes(input: CheckBoxesInput): Promise<BlockActionResponse> {
    return checkBoxes(this.deps, input);
  }

  submitView(input: SubmitViewInput): Promise<SubmissionResponse> {
    return this.changes.after('view_submission', submitView(this.deps, input));
  }

  closeView(input: { userId: string; viewId?: string }): Promise<AppResponse | undefined> {
    return this.changes.after('view_closed', closeView(this.deps, input));
  }

  sendEvent(event: JsonObject, options?: EventOptions): Promise<EventResponse> {
    return sendEvent(this.deps, event, options);
  }

  verifyUrl(): Promise<AppResponse & { verified: boolean }> {
    return verifyUrl(this.deps);
  }

  signRequest(body: string, timestampSeconds?: number): SignedHeaders {
    return this.deps.sender.signRequest(body, timestampSeconds);
  }

  postRaw(request: RawRequest): Promise<AppResponse> {
    return this.deps.sender.postRaw(request);
  }

  // --- change notifications --------------------------------------------------------------------
  /**
   * Calls `listener` whenever what Slack shows may have changed: messages posted, edited or deleted,
   * ephemeral messages, modals and Homes. Returns the unsubscribe function.
   */
  onChange(listener: ChangeListener): () => void {
    if (!this.changesWired) {
      this.changesWired = true;
      this.recorder.onCall((call) => {
        if (changesState(call)) this.changes.notify(call.method);
      });
      this.responseUrls.onApplied(() => this.changes.notify('response_url'));
    }
    return this.changes.subscribe(listener);
  }
}
