// The app's real Block Kit, built by its own view builders with realistic values: every message,
// modal and Home the desk shows, for the playground renderer's tests. Add a surface here when the app
// gains one, so the coverage test sees its blocks.

import type { HomeModel, HomeRequest } from '../../../src/app/home-model.ts';
import type { KpiReport } from '../../../src/app/kpis.ts';
import type { SlaSnapshot } from '../../../src/app/sla-snapshot.ts';
import { defaultRegionCalendars } from '../../../src/domain/calendar/index.ts';
import type { WorkflowState } from '../../../src/domain/workflow/state.ts';
import { renderCard, renderRequesterUpdate, renderStep } from '../../../src/jobs/deliveries/render.ts';
import type { RenderContext } from '../../../src/playground/blocks/index.ts';
import { cancelModal, reassignModal } from '../../../src/slack/views/admin-modals.ts';
import { amendmentNote } from '../../../src/slack/views/amendment-note.ts';
import { markAnswer } from '../../../src/slack/views/coverage-answers.ts';
import { coverageList } from '../../../src/slack/views/coverage-list.ts';
import { retryRefusalModal } from '../../../src/slack/views/failed-deliveries.ts';
import { helpText } from '../../../src/slack/views/help.ts';
import { homeView } from '../../../src/slack/views/home.ts';
import { hoursMessage, type RegionHours } from '../../../src/slack/views/hours.ts';
import { intakeModal } from '../../../src/slack/views/intake-modal.ts';
import { kpiHomeBlocks, kpiStatsMessage } from '../../../src/slack/views/kpi-report.ts';
import { escalationModal } from '../../../src/slack/views/request-escalation.ts';
import { statusMessage } from '../../../src/slack/views/request-status.ts';
import { refusalText } from '../../../src/slack/views/request-summary.ts';
import { requesterConfirmation } from '../../../src/slack/views/requester-confirmation.ts';
import { slaAlertText } from '../../../src/slack/views/sla-alert.ts';
import {
  completeStepModal,
  deviationModal,
  escalateModal,
  rejectStepModal,
  requestChangesModal,
} from '../../../src/slack/views/step-modals.ts';
import { surveyDm } from '../../../src/slack/views/survey-dm.ts';
import { surveyModal, surveyNotice } from '../../../src/slack/views/survey-modal.ts';
import { accept, apply, at, playbook, revops, stepOf, walked } from '../../domain/workflow/support.ts';
import { anIntakeForm } from '../../support/builders.ts';
import { aDeskConfig } from '../../support/desk-config.ts';
import { aBooking } from '../../transcript/fixtures.ts';

export const PEOPLE: Record<string, string> = {
  U_REP: 'Rita Rep',
  U_OPS: 'Omar Orders',
  UREQ0001: 'Rita Rep',
  UOMA0001: 'Omar Orders',
  UOMA0002: 'Olga Orders',
  UREV0001: 'Rosa RevOps',
  UBIL0001: 'Bill Billing',
  UCUS0001: 'Cora CustOps',
  U0LEAD: 'Dana Lead',
};
const CHANNELS: Record<string, string> = { C_DESK: 'booking-desk', C0DESK: 'booking-desk' };
const GROUPS: Record<string, string> = {
  S0ORDERMANAGEMENTEMEA: 'order-management-emea',
  S0REVENUEOPERATIONSEMEA: 'revenue-operations-emea',
  S0BILLINGEMEA: 'billing-emea',
  S0CUSTOMEROPERATIONSEMEA: 'customer-operations-emea',
};

export const workspace: RenderContext = {
  userName: (id) => PEOPLE[id],
  channelName: (id) => CHANNELS[id],
  usergroupHandle: (id) => GROUPS[id],
  users: () => Object.entries(PEOPLE).map(([id, name]) => ({ id, name })),
  timeZone: 'Europe/London',
};

export interface AppSurface {
  name: string;
  surface: 'message' | 'modal' | 'home';
  /** A message: blocks, or only text. */
  message?: { text: string; blocks?: unknown[] };
  /** A modal or Home view. */
  view?: { blocks: readonly unknown[] } & Record<string, unknown>;
}

const REQUEST = '5f0c2a4e-1b7d-4c1e-9a55-0d2a7c3e9b10';
const T = { requestId: REQUEST, stepId: 'verify_quote' };
const URL = 'https://booking-desk.slack.com/archives/C0DESK/p1794648600000100';

function bookingWith(workflow: WorkflowState) {
  return aBooking({ id: REQUEST, workflow, status: 'in_review', deskChannel: 'C0DESK', urgent: true });
}

function sla(): SlaSnapshot {
  return {
    timeZone: 'Europe/London',
    at: at(60),
    clocks: [
      {
        key: 'approval',
        kind: 'approval',
        label: 'Approval',
        status: 'running',
        targetMinutes: 720,
        dueAt: at(900),
        remainingMinutes: 540,
        breached: false,
        breachedAt: null,
        outcome: null,
        stoppedAt: null,
        lastAlert: { type: 'reminder', percent: 75 },
      },
    ],
    openCase: {
      id: 'case-1',
      category: 'customer_deadline',
      reason: 'Go-live is Monday',
      openedBy: 'U_REP',
      openedAt: at(30),
    },
  };
}

function homeRequest(index: number, overrides: Partial<HomeRequest> = {}): HomeRequest {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    reference: `BK-2026-${String(100 + index).padStart(6, '0')}`,
    customer: `Customer ${index}`,
    region: 'EMEA',
    status: 'in_review',
    step: {
      number: 2,
      total: 7,
      title: 'Confirm the subscription terms',
      role: 'revenue_operations',
      stepId: 'confirm_terms',
    },
    waitingOnRequester: false,
    ownerId: null,
    slaLeftMinutes: 200 - index * 30,
    slaBreached: index > 6,
    deskChannel: 'C0DESK',
    parentTs: '1794648600.000100',
    updatedAt: at(index),
    ...overrides,
  };
}

export function kpiReport(): KpiReport {
  const figure = (percent: number | null) => ({
    met: 19,
    decided: 20,
    percent,
    target: 95,
    meetsTarget: percent === null ? null : percent >= 95,
    running: 3,
    atRisk: 1,
    breachedRunning: 1,
  });
  return {
    query: { kind: 'quarter', which: 'current', region: null, role: null },
    label: 'Q4 FY2026',
    periods: {
      EMEA: {
        kind: 'quarter',
        start: new Date('2026-10-01T00:00:00Z'),
        end: new Date('2027-01-01T00:00:00Z'),
        firstDate: '2026-10-01',
        lastDate: '2026-12-31',
        label: 'Q4 FY2026',
      },
    },
    now: at(0),
    kpis: {
      role: null,
      counts: { submitted: 42, booked: 30, completed: 25, rejected: 3, withdrawn: 1, cancelled: 1, open: 12 },
      approvalAccuracy: {
        reachedBilling: 28,
        rejectedByBilling: 1,
        rejections: 1,
        percent: 96.4,
        target: 95,
        meetsTarget: true,
      },
      approvalTime: { count: 30, medianHours: 9.5, p90Hours: 14.2 },
      sla: { approval: figure(95), response: figure(null), step: figure(88.5) },
      rejections: [
        {
          stepId: 'trigger_billing',
          stepTitle: 'Trigger billing',
          role: 'billing',
          category: 'missing_purchase_order',
          label: 'Purchase order missing',
          count: 2,
        },
      ],
      deviations: [{ id: 'start_date', label: 'Start date', count: 4 }],
      escalations: {
        requester: [{ id: 'customer_deadline', label: 'Customer deadline', count: 2 }],
        steps: [],
      },
    },
  } as KpiReport;
}

function homeModel(): HomeModel {
  const queue = Array.from({ length: 10 }, (_, index) => homeRequest(index + 1));
  return {
    viewer: {
      userId: 'U0LEAD',
      rolesByRegion: { APAC: [], EMEA: ['revenue_operations'], AMER: [], LATAM: [] },
      isDeskAdmin: true,
    },
    mine: [homeRequest(20, { waitingOnRequester: true, step: null, slaLeftMinutes: null })],
    recentlyClosed: [homeRequest(30, { status: 'completed', step: null })],
    queue,
    holding: [homeRequest(40, { ownerId: 'U0LEAD' })],
    overview: {
      open: 12,
      byStep: [{ title: 'Confirm the subscription terms', counts: { EMEA: 3, APAC: 1 }, total: 4 }],
      atRisk: 2,
      breached: 1,
      today: { submitted: 3, booked: 2, completed: 1 },
    },
  } as HomeModel;
}

function regionHours(now: Date): RegionHours[] {
  const calendars = defaultRegionCalendars();
  return (['EMEA', 'APAC'] as const).map((region) => {
    const calendar = calendars[region];
    const today = calendar.day(calendar.localDate(now));
    const open = calendar.isOpen(now);
    return {
      region,
      timeZone: calendar.config.timeZone,
      open,
      closes: open ? today.closes : null,
      nextOpening: calendar.nextOpening(now),
      today,
      periodEnd: calendar.periodEndStatus(now),
      marks: [],
      covering: [],
    };
  });
}

/** Every surface of the app, as the app builds it. */
export function appSurfaces(): AppSurface[] {
  const config = aDeskConfig();
  // Step 2 active, taken by RevOps, with ticks and a recorded deviation.
  let state = walked(1);
  state = apply(state, { type: 'take', stepId: 'confirm_terms', actor: revops, at: at(5) });
  state = apply(state, {
    type: 'tick',
    stepId: 'confirm_terms',
    itemId: 'start_date',
    actor: revops,
    at: at(6),
  });
  const deviation = accept(state, {
    type: 'record_deviation',
    stepId: 'confirm_terms',
    field: 'start_date',
    expected: '2026-12-01',
    actual: '2027-01-01',
    actor: revops,
    at: at(7),
  });
  state = deviation.state;
  const changes = accept(state, {
    type: 'request_changes',
    stepId: 'confirm_terms',
    note: 'Please align the start date with the signed contract.',
    actor: revops,
    at: at(8),
  });
  const active = bookingWith(state);
  const waiting = bookingWith(changes.state);
  const changesEvent = changes.events.find((event) => event.type === 'changes_requested')!;
  const modalBase = (stepId: string) => ({
    target: { requestId: REQUEST, stepId },
    step: stepOf(stepId),
    reference: 'BK-2026-000001',
  });
  const record = state.steps.find((step) => step.id === 'confirm_terms')!;
  const invitation = '00000000-0000-4000-8000-00000000abcd';

  const surfaces: AppSurface[] = [
    { name: 'status card', surface: 'message', message: renderCard(active, playbook, config, sla()) },
    {
      name: 'status card, waiting on the requester',
      surface: 'message',
      message: renderCard(waiting, playbook, config),
    },
    {
      name: 'step message, active',
      surface: 'message',
      message: renderStep(active, playbook, 'confirm_terms', config),
    },
    {
      name: 'step message, first step untaken',
      surface: 'message',
      message: renderStep(bookingWith(walked(0)), playbook, 'verify_quote', config),
    },
    {
      name: 'step message, finished',
      surface: 'message',
      message: renderStep(active, playbook, 'verify_quote', config),
    },
    {
      name: 'requester update',
      surface: 'message',
      message: renderRequesterUpdate(waiting, playbook, changesEvent, URL)!,
    },
    {
      name: 'requester confirmation',
      surface: 'message',
      message: requesterConfirmation(active, URL, {
        dueAt: at(900),
        timeZone: 'Europe/London',
        targetMinutes: 720,
      }),
    },
    {
      name: 'survey DM',
      surface: 'message',
      message: surveyDm({
        invitationId: invitation,
        quarter: '2026-Q4',
        closesAt: at(20_000),
        reminder: false,
      }),
    },
    { name: 'KPI stats', surface: 'message', message: kpiStatsMessage(kpiReport()) },
    { name: 'hours', surface: 'message', message: hoursMessage(at(0), regionHours(at(0))) },
    {
      name: 'coverage list',
      surface: 'message',
      message: coverageList({
        backups: { APAC: {}, EMEA: { billing: 'APAC' }, AMER: {}, LATAM: {} },
        marks: [],
      }),
    },
    {
      name: 'status answer',
      surface: 'message',
      message: statusMessage(
        [
          {
            booking: active,
            playbook,
            threadUrl: URL,
            roleMention: () => '<!subteam^S0REVENUEOPERATIONSEMEA>',
            sla: sla(),
          },
        ],
        'Your requests',
        'You have no requests.',
      ),
    },
    { name: 'help', surface: 'message', message: { text: helpText() } },
    {
      name: 'SLA alert',
      surface: 'message',
      message: {
        text: slaAlertText({
          reference: 'BK-2026-000001',
          clockName: 'approval SLA',
          alert: { type: 'escalation', level: 1, repeat: 0 },
          dueAt: at(900),
          timeZone: 'Europe/London',
          remainingMinutes: -30,
          mentions: ['<!subteam^S0BILLINGEMEA>', '<@UOMA0001>'],
        }),
      },
    },
    {
      name: 'amendment note',
      surface: 'message',
      message: {
        text: amendmentNote({
          actorId: 'U_REP',
          version: 2,
          changes: [{ label: 'Start date', before: '2026-12-01', after: '2027-01-01' }],
          commercial: true,
        } as Parameters<typeof amendmentNote>[0]),
      },
    },
    {
      name: 'coverage answer',
      surface: 'message',
      message: {
        text: markAnswer(
          {
            ok: true,
            mark: {
              region: 'EMEA',
              date: '2026-12-24',
              role: 'billing',
              reason: 'Two out sick',
              markedBy: 'U0LEAD',
              markedAt: at(0),
            },
          },
          { region: 'EMEA', date: '2026-12-24', role: 'billing' },
          { billing: 'APAC' },
        ),
      },
    },
    {
      name: 'refusal',
      surface: 'message',
      message: {
        text: refusalText(
          {
            reason: 'not_allowed',
            because: 'missing_role',
            requiredRole: 'billing',
            allowed: 'step_role',
            message: 'x',
          } as Parameters<typeof refusalText>[0],
          { roleMention: '<!subteam^S0BILLINGEMEA>', command: 'complete' },
        ),
      },
    },
    { name: 'intake modal', surface: 'modal', view: intakeModal({ prefill: {}, privateMetadata: '{}' }) },
    {
      name: 'intake modal, amending',
      surface: 'modal',
      view: intakeModal({
        prefill: { ...anIntakeForm(), urgent: true },
        privateMetadata: '{}',
        title: 'Amend booking',
        submitLabel: 'Save new version',
      }),
    },
    {
      name: 'complete step (every evidence type)',
      surface: 'modal',
      view: completeStepModal(modalBase('provisioning_handoff')),
    },
    {
      name: 'complete step (date evidence)',
      surface: 'modal',
      view: completeStepModal({
        ...modalBase('verify_quote'),
        prefill: { quote_version: 'v3', quote_valid_until: '2026-12-31' },
      }),
    },
    {
      name: 'complete step (no evidence)',
      surface: 'modal',
      view: completeStepModal({
        ...modalBase('create_order'),
        step: { ...stepOf('create_order'), evidence: [] },
      }),
    },
    { name: 'reject step', surface: 'modal', view: rejectStepModal(modalBase('trigger_billing')) },
    { name: 'reject step, unavailable', surface: 'modal', view: rejectStepModal(modalBase('create_order')) },
    {
      name: 'request changes',
      surface: 'modal',
      view: requestChangesModal({ ...modalBase('confirm_terms'), record }),
    },
    { name: 'record deviation', surface: 'modal', view: deviationModal(modalBase('confirm_terms')) },
    { name: 'escalate step', surface: 'modal', view: escalateModal(modalBase('verify_quote')) },
    { name: 'cancel request', surface: 'modal', view: cancelModal(T, 'BK-2026-000001') },
    { name: 'reassign step', surface: 'modal', view: reassignModal(T, 'BK-2026-000001', 'Verify the quote') },
    {
      name: 'requester escalation',
      surface: 'modal',
      view: escalationModal({ requestId: REQUEST, reference: 'BK-2026-000001', responseHours: 6 }),
    },
    { name: 'survey', surface: 'modal', view: surveyModal({ invitationId: invitation, quarter: '2026-Q4' }) },
    {
      name: 'survey notice',
      surface: 'modal',
      view: surveyNotice('Thank you — your answer for Q4 FY2026 is recorded.'),
    },
    { name: 'retry refusal', surface: 'modal', view: retryRefusalModal() },
    { name: 'home, new rep', surface: 'home', view: homeView() },
    {
      name: 'home, desk lead',
      surface: 'home',
      view: homeView({
        model: homeModel(),
        threadUrls: new Map([[homeRequest(1).id, URL]]),
        kpiBlocks: kpiHomeBlocks(kpiReport()),
        failedDeliveries: {
          shown: [
            {
              id: '42',
              kind: 'card_post',
              reference: 'BK-2026-000001',
              lastError: 'channel_not_found',
              failedAt: at(3),
            },
          ],
          total: 3,
        },
      }),
    },
  ];
  return surfaces;
}

/** Every block of every surface. */
export function allBlocks(surfaces = appSurfaces()): unknown[] {
  return surfaces.flatMap((surface) => [...(surface.message?.blocks ?? []), ...(surface.view?.blocks ?? [])]);
}
