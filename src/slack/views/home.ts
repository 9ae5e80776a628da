// The App Home tab, one view per person: the desk's state for a desk lead, the queue of steps
// waiting on a specialist's roles and what they hold, and a rep's own requests. Lists are paged
// with Previous/Next so the tab stays under Slack's 100-block limit however long the queue is.

import type { HomeModel, HomeRequest } from '../../app/home-model.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import {
  ACTION,
  COMMAND,
  type HomeSection,
  homePageActionId,
  homeTakeActionId,
  stepTargetValue,
} from '../ids.ts';
import { escapeMrkdwn, mentionUser, truncate } from '../mrkdwn.ts';
import { type Block, context, divider, header, plain, section } from './elements.ts';
import { type FailedDeliveries, failedDeliveriesBlocks } from './failed-deliveries.ts';
import { businessDuration } from './sla-format.ts';

export const HOME_PAGE_SIZE = 8;
/** Slack's limit of blocks in a Home view. */
export const MAX_HOME_BLOCKS = 100;

export type HomePages = Partial<Record<HomeSection, number>>;

export interface HomeViewInput {
  model?: HomeModel | null;
  pages?: HomePages;
  /** The thread permalinks known for the listed requests, by request id. */
  threadUrls?: ReadonlyMap<string, string>;
  /** The quarter's KPIs, for desk leads. */
  kpiBlocks?: readonly Block[];
  /** Given only for desk admins: nobody else sees the section. */
  failedDeliveries?: FailedDeliveries | null;
}

export function homeView(input: HomeViewInput = {}) {
  const { model } = input;
  const blocks: Block[] = [
    header('Booking Desk'),
    section(
      'Book subscription orders with the sales-ops desk. Each request gets its own thread in the desk channel, where order management, revenue operations, billing and customer operations work through it.',
    ),
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION.newBooking,
          style: 'primary',
          text: { type: 'plain_text', text: 'New booking', emoji: true },
        },
      ],
    },
    context(`Or type \`${COMMAND}\` in any channel · \`${COMMAND} help\` for more.`),
  ];
  if (model?.overview) blocks.push(...overviewBlocks(model), ...(input.kpiBlocks ?? []));
  if (input.failedDeliveries) blocks.push(...failedDeliveriesBlocks(input.failedDeliveries));
  if (model) {
    const holdsRoles = Object.values(model.viewer.rolesByRegion).some((roles) => roles.length > 0);
    const pages = input.pages ?? {};
    const urls = input.threadUrls ?? new Map<string, string>();
    if (holdsRoles) {
      blocks.push(
        ...listBlocks('queue', 'Waiting on your roles', model.queue, pages.queue ?? 0, urls, {
          empty: 'Nothing is waiting on your roles. :tada:',
          take: true,
        }),
      );
      if (model.holding.length > 0) {
        blocks.push(...listBlocks('holding', 'You hold', model.holding, pages.holding ?? 0, urls, {}));
      }
    }
    blocks.push(
      ...listBlocks('mine', 'Your requests', model.mine, pages.mine ?? 0, urls, {
        empty: 'You have no open requests. *New booking* starts one.',
      }),
    );
    if (model.recentlyClosed.length > 0) {
      blocks.push(
        context(
          truncate(
            `*Recently closed* · ${model.recentlyClosed.map((request) => `${request.reference} (${request.status})`).join(' · ')}`,
            3000,
          ),
        ),
      );
    }
  }
  return { type: 'home' as const, blocks: blocks.slice(0, MAX_HOME_BLOCKS) };
}

function overviewBlocks(model: HomeModel): Block[] {
  const overview = model.overview;
  if (!overview) return [];
  const byStep = overview.byStep.map((entry) => {
    const regions = Object.entries(entry.counts)
      .map(([region, count]) => `${region} ${count}`)
      .join(' · ');
    return `• *${escapeMrkdwn(entry.title)}*: ${entry.total} (${regions})`;
  });
  return [
    divider(),
    header('The desk now'),
    {
      type: 'section',
      fields: [
        plainField(`*Open requests*\n${overview.open}`),
        plainField(`*SLA at risk* (75 % used)\n${overview.atRisk}`),
        plainField(`*SLA breached*\n${overview.breached}`),
        plainField(
          `*Last 24 hours*\n${overview.today.submitted} submitted · ${overview.today.booked} booked · ${overview.today.completed} completed`,
        ),
      ],
    },
    section(
      truncate(
        byStep.length > 0 ? `*Open by step and region*\n${byStep.join('\n')}` : '*No open requests.*',
        3000,
      ),
    ),
  ];
}

function plainField(text: string) {
  return { type: 'mrkdwn', text };
}

interface ListOptions {
  empty?: string;
  /** Offer Take it on rows nobody took. */
  take?: boolean;
}

function listBlocks(
  sectionId: HomeSection,
  title: string,
  requests: readonly HomeRequest[],
  requestedPage: number,
  urls: ReadonlyMap<string, string>,
  options: ListOptions,
): Block[] {
  const pageCount = Math.max(1, Math.ceil(requests.length / HOME_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pageCount - 1);
  const shown = requests.slice(page * HOME_PAGE_SIZE, (page + 1) * HOME_PAGE_SIZE);
  const blocks: Block[] = [divider(), header(`${title} (${requests.length})`)];
  if (shown.length === 0) {
    if (options.empty) blocks.push(section(options.empty));
    return blocks;
  }
  shown.forEach((request, index) => {
    blocks.push(
      requestBlock(request, urls.get(request.id), options.take ? page * HOME_PAGE_SIZE + index : null),
    );
  });
  if (pageCount > 1) {
    const buttons: Block[] = [];
    if (page > 0) buttons.push(pageButton(sectionId, 'previous', page - 1));
    if (page < pageCount - 1) buttons.push(pageButton(sectionId, 'next', page + 1));
    blocks.push(context(`Page ${page + 1} of ${pageCount}`), {
      type: 'actions',
      block_id: `home_pages|${sectionId}`,
      elements: buttons,
    });
  }
  return blocks;
}

function pageButton(sectionId: HomeSection, direction: 'previous' | 'next', page: number): Block {
  return {
    type: 'button',
    action_id: homePageActionId(sectionId, direction),
    text: plain(direction === 'previous' ? '← Previous' : 'Next →', 75),
    value: JSON.stringify({ s: sectionId, p: page }),
  };
}

function requestBlock(request: HomeRequest, url: string | undefined, takeIndex: number | null): Block {
  const reference = url ? `<${url}|${request.reference}>` : request.reference;
  const customer = request.customer ? ` · ${escapeMrkdwn(truncate(request.customer, 80))}` : '';
  const where = request.waitingOnRequester
    ? 'waiting on the requester'
    : request.step
      ? `step ${request.step.number}/${request.step.total} ${escapeMrkdwn(request.step.title)} · ${ROLE_LABELS[request.step.role]} · ${request.ownerId ? `taken by ${mentionUser(request.ownerId)}` : 'not taken'}`
      : request.status;
  const sla =
    request.slaLeftMinutes === null
      ? ''
      : request.slaBreached
        ? ` · :fire: SLA ${businessDuration(request.slaLeftMinutes)} over`
        : ` · :stopwatch: ${businessDuration(request.slaLeftMinutes)} left`;
  const block: Block = {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncate(`*${reference}*${customer} · ${request.region}\n${where}${sla}`, 3000),
    },
  };
  if (takeIndex !== null && request.step && request.ownerId === null) {
    block.accessory = {
      type: 'button',
      action_id: homeTakeActionId(takeIndex),
      text: plain('Take it', 75),
      style: 'primary',
      value: stepTargetValue({ requestId: request.id, stepId: request.step.stepId }),
    };
  }
  return block;
}
