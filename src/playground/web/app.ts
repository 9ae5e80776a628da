// The playground page: a Slack-like shell around what the emulator shows one person. It reads the
// server's JSON (messages and views already rendered to HTML), sends what the person does back as
// Slack would, and re-reads whenever the server's event stream says something changed.

import type {
  ActionResult,
  ChannelView,
  ClockMoveRequest,
  ClockState,
  HomeView,
  MessageItem,
  ModalView,
  ThreadView,
  WorkspaceView,
} from '../page-types.ts';
import { ApiError, getJson, postJson } from './api.ts';
import { type BlockActionIntent, listenForActions } from './blocks-client.ts';
import { createClockBar } from './clock-bar.ts';
import { createComposer } from './composer.ts';
import { byId, fromHtml, h } from './dom.ts';
import { renderFeed } from './feed.ts';
import { ModalLayer } from './modal-layer.ts';
import { interceptPermalinks } from './permalinks.ts';
import { coalescing, onServerChanges } from './refresher.ts';
import { type Pane, renderSidebar } from './sidebar.ts';
import { attempt, toast } from './toast.ts';
import { createViewerSelect } from './viewer-select.ts';

interface PageState {
  workspace: WorkspaceView;
  viewer: string;
  pane: Pane;
  thread: { channel: string; ts: string } | null;
  homeHash: string | null;
}

const VIEWER_KEY = 'booking-desk-playground:viewer';

async function boot(): Promise<void> {
  const workspace = await getJson<WorkspaceView>('/api/workspace');
  const wanted = new URLSearchParams(location.search).get('as') ?? localStorage.getItem(VIEWER_KEY);
  const viewer = workspace.people.some((p) => p.id === wanted) ? wanted! : workspace.firstViewer;
  const state: PageState = { workspace, viewer, pane: { kind: 'channel' }, thread: null, homeHash: null };

  const mainScroll = byId('pg-main-scroll');
  const feed = byId('pg-feed');
  const home = byId('pg-home');
  const threadPane = byId('pg-thread');
  const threadScroll = byId('pg-thread-scroll');
  const threadParent = byId('pg-thread-parent');
  const threadReplies = byId('pg-thread-replies');
  const threadCount = byId('pg-thread-count');

  const as = () => state.viewer;
  const mainChannel = () => (state.pane.kind === 'channel' ? workspace.deskChannel.id : 'dm');

  // --- sending what the person does -----------------------------------------------------------
  const report = (result: ActionResult | undefined) => {
    if (result && !result.ok) toast(result.error ?? 'the app did not take that', 'error');
    void refresh();
    return result;
  };
  const send = async (channel: string, text: string, threadTs?: string): Promise<boolean> => {
    const isCommand = text.trimStart().startsWith('/');
    const result = await attempt(() =>
      isCommand
        ? postJson<ActionResult>('/api/command', { as: as(), channel, text: text.trim() })
        : postJson<ActionResult>('/api/message', {
            as: as(),
            channel,
            text,
            ...(threadTs ? { threadTs } : {}),
          }),
    );
    report(result);
    return result !== undefined;
  };
  const act = (intent: BlockActionIntent) => {
    if (!intent.container) return;
    void attempt(() => postJson<ActionResult>('/api/action', { as: as(), action: intent })).then(report);
  };
  const modals = new ModalLayer({
    submit: async (viewId, values) => {
      const result = await attempt(() =>
        postJson<ActionResult>('/api/view/submit', { as: as(), viewId, values }),
      );
      if (result && !result.ok) toast(result.error ?? 'the app did not take the form', 'error');
      await refresh({ forceErrors: result?.outcome === 'errors' });
      return result;
    },
    close: async (viewId) => {
      report(await attempt(() => postJson<ActionResult>('/api/view/close', { as: as(), viewId })));
    },
  });

  // --- the shell ----------------------------------------------------------------------------
  const mainComposer = createComposer('main', (text) => send(mainChannel(), text));
  byId('pg-main-composer').append(mainComposer.element);
  const threadComposer = createComposer('thread', (text) =>
    state.thread ? send(state.thread.channel, text, state.thread.ts) : Promise.resolve(false),
  );
  threadComposer.setPlaceholder('Reply…');
  byId('pg-thread-composer').append(threadComposer.element);

  const openThread = (channel: string, ts: string) => {
    state.thread = { channel, ts };
    threadPane.hidden = false;
    threadReplies.replaceChildren();
    threadParent.replaceChildren();
    void refresh();
    threadComposer.focus();
  };
  byId('pg-thread-close').addEventListener('click', () => {
    state.thread = null;
    threadPane.hidden = true;
  });
  interceptPermalinks((link) => {
    if (link.channel.startsWith('D')) selectPane({ kind: 'app', tab: 'messages' });
    else selectPane({ kind: 'channel' });
    openThread(link.channel, link.threadTs);
  });
  listenForActions(document.body, act);

  const openHomeTab = (tab: 'home' | 'messages') => {
    // Slack tells the app every time the person opens the tab; the app publishes their Home then.
    void attempt(() => postJson<ActionResult>('/api/home/open', { as: as(), tab })).then(report);
  };
  const renderChrome = () => {
    renderSidebar(byId('pg-sidebar'), workspace, state.pane, selectPane);
    const title = byId('pg-pane-title');
    const tabs = byId('pg-pane-tabs');
    const isApp = state.pane.kind === 'app';
    title.replaceChildren(
      isApp ? h('span', {}, workspace.bot.realName) : h('span', {}, `# ${workspace.deskChannel.name}`),
    );
    tabs.hidden = !isApp;
    for (const tab of tabs.querySelectorAll<HTMLButtonElement>('[data-tab]')) {
      tab.classList.toggle('pg-selected', state.pane.kind === 'app' && state.pane.tab === tab.dataset.tab);
    }
    const onHome = state.pane.kind === 'app' && state.pane.tab === 'home';
    home.hidden = !onHome;
    mainScroll.hidden = onHome;
    byId('pg-main-composer').hidden = onHome;
    mainComposer.setPlaceholder(
      isApp ? `Message ${workspace.bot.realName}` : `Message #${workspace.deskChannel.name}`,
    );
  };
  function selectPane(pane: Pane): void {
    const changed = JSON.stringify(pane) !== JSON.stringify(state.pane);
    state.pane = pane;
    if (changed) feed.replaceChildren();
    renderChrome();
    if (pane.kind === 'app') openHomeTab(pane.tab);
    void refresh();
  }
  for (const tab of byId('pg-pane-tabs').querySelectorAll<HTMLButtonElement>('[data-tab]')) {
    tab.addEventListener('click', () =>
      selectPane({ kind: 'app', tab: tab.dataset.tab === 'home' ? 'home' : 'messages' }),
    );
  }

  const clock = createClockBar(async (request: ClockMoveRequest) => {
    const moved = await attempt(() => postJson<ClockState>('/api/clock', request));
    if (moved) {
      clock.update(moved);
      toast(`The app's clock is now ${new Date(moved.now).toUTCString()}`, 'info', 3000);
    }
    void refresh();
  });
  byId('pg-clock').append(clock.element);
  const loadClock = async () => {
    const now = await attempt(() => getJson<ClockState>('/api/clock'));
    if (now) clock.update(now);
  };
  setInterval(() => void loadClock(), 60_000);

  byId('pg-viewer-slot').append(
    createViewerSelect(workspace.people, state.viewer, (id) => {
      state.viewer = id;
      state.homeHash = null;
      localStorage.setItem(VIEWER_KEY, id);
      const url = new URL(location.href);
      url.searchParams.set('as', id);
      history.replaceState(null, '', url);
      feed.replaceChildren();
      home.replaceChildren();
      if (state.pane.kind === 'app') openHomeTab(state.pane.tab);
      void refresh();
    }),
  );

  // --- reading what the person sees ---------------------------------------------------------
  const showFeed = (view: ChannelView) => {
    renderFeed(mainScroll, feed, view.messages, {
      threads: true,
      onOpenThread: (item: MessageItem) => openThread(item.channel, item.ts),
    });
  };
  const showThread = (view: ThreadView) => {
    renderFeed(threadScroll, threadParent, [view.parent], { threads: false, onOpenThread: () => {} });
    const count = view.replies.filter((reply) => !reply.ephemeral).length;
    threadCount.textContent = count === 1 ? '1 reply' : `${count} replies`;
    renderFeed(threadScroll, threadReplies, view.replies, { threads: false, onOpenThread: () => {} });
  };
  const showHome = (view: HomeView | null) => {
    if (!view) {
      if (state.homeHash !== 'none')
        home.replaceChildren(h('div', { class: 'pg-empty' }, 'Opening the Home tab…'));
      state.homeHash = 'none';
      return;
    }
    if (view.hash === state.homeHash) return;
    state.homeHash = view.hash;
    home.replaceChildren(fromHtml(view.html));
  };

  let forceErrors = false;
  const readOnce = async () => {
    const viewer = as();
    const onHome = state.pane.kind === 'app' && state.pane.tab === 'home';
    const thread = state.thread;
    const [main, threadView, stack] = await Promise.all([
      onHome
        ? getJson<{ home: HomeView | null }>('/api/home', { as: viewer })
        : getJson<ChannelView>('/api/channel', { as: viewer, channel: mainChannel() }),
      thread
        ? getJson<ThreadView>('/api/thread', { as: viewer, channel: thread.channel, ts: thread.ts }).catch(
            (error: unknown) => {
              if (error instanceof ApiError) return null;
              throw error;
            },
          )
        : Promise.resolve(null),
      getJson<{ stack: ModalView[] }>('/api/modals', { as: viewer }),
    ]);
    if (viewer !== as()) return;
    if ('home' in main) showHome(main.home);
    else showFeed(main);
    if (threadView && state.thread === thread) showThread(threadView);
    modals.update(stack.stack, { forceErrors });
    forceErrors = false;
  };
  const reread = coalescing(readOnce, (message) => toast(message, 'error'));
  function refresh(options: { forceErrors?: boolean } = {}): Promise<void> {
    if (options.forceErrors) forceErrors = true;
    return reread();
  }

  // --- live updates -------------------------------------------------------------------------
  onServerChanges((topics) => {
    if (topics.includes('clock')) void loadClock();
    void refresh();
  });

  renderChrome();
  await loadClock();
  await refresh();
  document.body.dataset.ready = 'true';
}

boot().catch((error: unknown) => {
  document.body.replaceChildren(
    h(
      'pre',
      { class: 'pg-fatal' },
      `The playground page could not start: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
});
