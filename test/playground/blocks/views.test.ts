// The app's real views, rendered: every block present in order, every element interactive with the
// data the browser needs, names resolved, nothing left as a raw token.

import { describe, expect, it } from 'vitest';
import {
  type RenderContext,
  renderHome,
  renderMessage,
  renderModal,
} from '../../../src/playground/blocks/index.ts';
import { type AppSurface, appSurfaces, workspace } from './fixtures.ts';
import { tags, visibleText, withAttr } from './html.ts';

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function render(surface: AppSurface, ctx: RenderContext = workspace): string {
  if (surface.surface === 'modal') return renderModal(surface.view, ctx);
  if (surface.surface === 'home') return renderHome(surface.view, ctx);
  return renderMessage({ ...surface.message!, channel: 'C0DESK', ts: '1794648600.000100' }, ctx);
}

function blocksOf(surface: AppSurface): Json[] {
  return [...(surface.message?.blocks ?? []), ...(surface.view?.blocks ?? [])].filter(isJson);
}

/** The interactive elements of blocks, in document order. */
function interactive(blocks: readonly Json[]) {
  return blocks.flatMap((block) => {
    const candidates = [
      block.accessory,
      block.element,
      ...(block.type === 'actions' ? (block.elements as unknown[]) : []),
    ];
    return candidates
      .filter(isJson)
      .filter((element) => element.type !== 'image')
      .map((element) => ({ block, element }));
  });
}

function optionsOf(element: Json): Json[] {
  const direct = Array.isArray(element.options) ? element.options.filter(isJson) : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups
        .filter(isJson)
        .flatMap((group) => (Array.isArray(group.options) ? group.options.filter(isJson) : []))
    : [];
  return [...direct, ...grouped];
}

const surfaces = appSurfaces();

describe.each(surfaces.map((surface) => [surface.name, surface] as const))('%s', (_name, surface) => {
  const html = render(surface);
  const blocks = blocksOf(surface);

  it('renders every block, in order, with its block_id and type', () => {
    const wrappers = tags(html).filter((tag) => 'data-block-type' in tag.attrs);
    expect(wrappers.map((tag) => tag.attrs['data-block-type'])).toEqual(blocks.map((block) => block.type));
    expect(wrappers.map((tag) => tag.attrs['data-block-id'])).toEqual(
      blocks.map((block) => block.block_id ?? ''),
    );
    expect(html).not.toContain('Unsupported');
  });

  it('makes every element interactive, with its ids, value, style and confirm', () => {
    const rendered = withAttr(html, 'data-element-type');
    const expected = interactive(blocks);
    expect(
      rendered.map((tag) => [
        tag.attrs['data-block-id'],
        tag.attrs['data-action-id'],
        tag.attrs['data-element-type'],
      ]),
    ).toEqual(expected.map(({ block, element }) => [block.block_id ?? '', element.action_id, element.type]));
    rendered.forEach((tag, index) => {
      const { element } = expected[index]!;
      if (element.type === 'button') {
        expect(tag.attrs['data-value']).toBe(element.value);
        expect(tag.attrs['data-style']).toBe(element.style);
        expect(JSON.parse(tag.attrs['data-text']!)).toEqual(element.text);
      }
      if (element.confirm !== undefined)
        expect(JSON.parse(tag.attrs['data-confirm']!)).toEqual(element.confirm);
      else expect(tag.attrs['data-confirm']).toBeUndefined();
    });
  });

  it('keeps each option object whole for Slack’s selected_option(s)', () => {
    const rendered = withAttr(html, 'data-option').map((tag) => JSON.parse(tag.attrs['data-option']!));
    expect(rendered).toEqual(interactive(blocks).flatMap(({ element }) => optionsOf(element)));
  });

  it('leaves no raw token, shortcode or markup for a reader to see', () => {
    const text = visibleText(html);
    expect(text).not.toMatch(/<[@#!][^>]*>|<https?:|:[a-z_]+:(?!\d)/);
    expect(text).not.toMatch(/\*[^*\s][^*]*\*/);
    expect(html).not.toMatch(/<script|javascript:/i);
  });
});

function find(name: string): AppSurface {
  const surface = surfaces.find((candidate) => candidate.name === name);
  if (!surface) throw new Error(`no surface ${name}`);
  return surface;
}

describe('the status card', () => {
  const html = render(find('status card'));
  const text = visibleText(html);

  it('reads like the card in Slack', () => {
    expect(tags(html).find((tag) => tag.attrs.class === 'bk-header')).toBeDefined();
    expect(text).toContain('BK-2026-000001 · Acme Widgets Ltd');
    expect(withAttr(html, 'class', 'bk-field')).toHaveLength(10);
    expect(text).toContain('Total contract value\nGBP 16,800.00');
    expect(text).toContain('Requester\n@Rita Rep');
    expect(text).toContain('Urgency\n🚨 Urgent');
    expect(text).toContain('Submitted Nov 14, 2026 at 9:30 AM by @Rita Rep · BK-2026-000001');
    expect(text).toContain('⏱️ Approval SLA (12 h): due');
    expect(text).toContain('@revenue-operations-emea');
  });

  it('shows code spans and the mention chip of the requester', () => {
    expect(html).toContain('<code class="bk-code">PRO-SEAT</code>');
    expect(withAttr(html, 'data-user-id', 'U_REP').length).toBeGreaterThan(0);
  });

  it('offers the requester’s Escalate button', () => {
    const [button] = withAttr(html, 'data-action-id', 'request_escalate');
    expect(button?.name).toBe('button');
    expect(button?.attrs['data-value']).toBe('5f0c2a4e-1b7d-4c1e-9a55-0d2a7c3e9b10');
  });
});

describe('a step message', () => {
  const html = render(find('step message, active'));

  it('ticks the checklist items already ticked', () => {
    const boxes = tags(html, 'input').filter((tag) => tag.attrs.type === 'checkbox');
    expect(boxes.length).toBe(8);
    expect(boxes.filter((box) => 'checked' in box.attrs).map((box) => box.attrs.value)).toEqual([
      'start_date',
    ]);
    const [group] = withAttr(html, 'data-element-type', 'checkboxes');
    expect(group?.attrs['data-action-id']).toBe('step_checklist');
    expect(group?.attrs['data-block-id']).toBe(
      'checklist|5f0c2a4e-1b7d-4c1e-9a55-0d2a7c3e9b10|confirm_terms',
    );
  });

  it('styles the step buttons and carries their confirm dialogs', () => {
    const buttons = withAttr(html, 'data-element-type', 'button');
    const byAction = Object.fromEntries(
      buttons.map((button) => [button.attrs['data-action-id'], button.attrs]),
    );
    expect(byAction.step_take?.class).toBe('bk-btn');
    expect(JSON.parse(byAction.step_take?.['data-confirm'] ?? '{}')).toMatchObject({
      title: { text: 'Take over this step?' },
      text: { text: expect.stringContaining('Take it over from them?') },
    });
    expect(byAction.step_complete?.class).toBe('bk-btn bk-btn-primary');
    expect(byAction.step_request_changes?.class).toBe('bk-btn');
    expect(visibleText(html)).toContain('Taken by\n@Rosa RevOps');
    expect(visibleText(html)).toContain('⚠️ Deviations (1)');
  });

  it('shows a finished step with nothing to click', () => {
    const finished = render(find('step message, finished'));
    expect(withAttr(finished, 'data-element-type')).toEqual([]);
    expect(visibleText(finished)).toContain('✅ Completed by @Omar Orders');
  });
});

describe('the requester’s DM', () => {
  it('has Amend and a red Withdraw with its confirm', () => {
    const html = render(find('requester update'));
    const withdraw = withAttr(html, 'data-action-id', 'request_withdraw')[0]!;
    expect(withdraw.attrs.class).toBe('bk-btn bk-btn-danger');
    expect(JSON.parse(withdraw.attrs['data-confirm']!)).toMatchObject({
      style: 'danger',
      confirm: { text: 'Withdraw' },
    });
    expect(withAttr(html, 'data-action-id', 'request_amend')[0]?.attrs.class).toBe('bk-btn bk-btn-primary');
    const [link] = tags(html, 'a');
    expect(link?.attrs).toMatchObject({
      href: expect.stringMatching(/^https:\/\/booking-desk\.slack\.com\//),
      target: '_blank',
    });
  });
});

describe('the intake modal', () => {
  const html = render(find('intake modal'));
  const byAction = (id: string) => withAttr(html, 'data-action-id', id)[0]!;

  it('has the title, Cancel and Submit booking', () => {
    expect(tags(html, 'h2')[0]?.attrs.class).toBe('bk-modal-title');
    expect(visibleText(html).split('\n')[0]).toBe('New booking');
    const footer = tags(html, 'button').filter((tag) => 'data-modal-action' in tag.attrs);
    expect(footer.map((tag) => [tag.attrs['data-modal-action'], tag.attrs.type])).toEqual([
      ['close', 'button'],
      ['close', 'button'],
      ['submit', 'submit'],
    ]);
    expect(visibleText(html)).toMatch(/Cancel\nSubmit booking$/);
    expect(withAttr(html, 'data-surface', 'modal')[0]?.attrs['data-callback-id']).toBe('booking_intake');
  });

  it('renders each input as the right control, with limits and placeholders', () => {
    expect(byAction('quoteNumber')).toMatchObject({
      name: 'input',
      attrs: { type: 'text', maxlength: '40', placeholder: 'Q-1234', required: '' },
    });
    expect(byAction('region').name).toBe('select');
    expect(byAction('contactEmail').attrs).toMatchObject({ type: 'email', placeholder: 'name@company.com' });
    expect(byAction('lines').name).toBe('textarea');
    expect(byAction('lines').attrs.maxlength).toBe('3000');
    expect(byAction('subscriptionStart').attrs.type).toBe('date');
    expect(byAction('renewalNoticeDays').attrs).toMatchObject({
      type: 'number',
      min: '0',
      max: '365',
      step: '1',
      value: '30',
    });
    expect(byAction('renewalNoticeDays').attrs.required).toBeUndefined();
    expect(byAction('urgent').name).toBe('div');
  });

  it('labels inputs, marks optional ones and shows hints', () => {
    const labels = tags(html, 'label').filter((tag) => tag.attrs.class === 'bk-label');
    const quote = labels.find((label) => label.attrs.for === byAction('quoteNumber').attrs.id);
    expect(quote).toBeDefined();
    const text = visibleText(html);
    expect(text).toContain('Urgency (optional)');
    expect(text).toContain('Discounts (optional)');
    expect(text).not.toContain('Quote number (optional)');
    expect(text).toContain('The region whose desk books and bills this order.');
    expect(withAttr(html, 'data-optional', 'true').map((tag) => tag.attrs['data-block-id'])).toContain(
      'renewalNoticeDays',
    );
  });

  it('shows the placeholder of a select until something is chosen, and the initial option once given', () => {
    const options = tags(html, 'option');
    expect(options.find((option) => option.attrs.value === '' && 'selected' in option.attrs)).toBeDefined();
    const amended = render(find('intake modal, amending'));
    const selected = tags(amended, 'option').filter((option) => 'selected' in option.attrs);
    expect(selected.map((option) => option.attrs.value)).toEqual([
      'EMEA',
      'GBP',
      '12',
      'annually',
      'auto_renew',
      'net_30',
    ]);
    expect(withAttr(amended, 'data-action-id', 'quoteNumber')[0]?.attrs.value).toBe('Q-1234');
    expect(withAttr(amended, 'data-action-id', 'subscriptionStart')[0]?.attrs.value).toBe('2026-12-01');
    expect(tags(amended, 'input').find((tag) => tag.attrs.value === 'urgent')?.attrs.checked).toBe('');
    expect(amended).toContain(
      '>\nPRO-SEAT | Pro seat licence | 25 | 40.00 | 10\nSUPPORT | Premium support | 1 | 500.00</textarea>',
    );
    expect(visibleText(amended).split('\n')[0]).toBe('Amend booking');
  });

  it('shows the app’s inline errors under their inputs, escaped', () => {
    const withErrors = renderModal(find('intake modal').view, {
      ...workspace,
      errors: {
        quoteNumber: 'Q-1234 already has an open request: <b>BK-1</b>',
        contactEmail: 'Not an e-mail',
      },
    });
    const blocks = withErrors.split('<div class="bk-block');
    const quote = blocks.find((part) => part.includes('data-block-id="quoteNumber"'))!;
    expect(quote.startsWith(' bk-block-input bk-has-error"')).toBe(true);
    expect(quote).toContain(
      '<div class="bk-error" role="alert">Q-1234 already has an open request: &lt;b&gt;BK-1&lt;/b&gt;</div>',
    );
    // The error sits under the control and above nothing else of another block.
    expect(quote.indexOf('bk-error')).toBeGreaterThan(quote.indexOf('data-action-id="quoteNumber"'));
    expect(blocks.find((part) => part.includes('data-block-id="contactEmail"'))).toContain('Not an e-mail');
    expect(withAttr(withErrors, 'class', 'bk-error')).toHaveLength(2);
    expect(blocks.find((part) => part.includes('data-block-id="region"'))).not.toContain('bk-error');
  });

  it('names errors for block_ids that are not inputs at the top, instead of losing them', () => {
    const withErrors = renderModal(find('intake modal').view, { ...workspace, errors: { nope: 'Lost' } });
    expect(visibleText(withErrors)).toContain(
      'The app returned an error for "nope", which is not an input of this view: Lost',
    );
  });
});

describe('the step modals', () => {
  it('offers the workspace’s people in users_select, with the evidence pickers', () => {
    const html = render(find('complete step (every evidence type)'));
    const [owner] = withAttr(html, 'data-element-type', 'users_select');
    expect(owner?.name).toBe('select');
    const options = html.slice(html.indexOf('data-element-type="users_select"')).split('</select>')[0]!;
    const people = tags(options, 'option').filter((tag) => tag.attrs.value !== '');
    expect(people.map((tag) => tag.attrs.value)).toEqual(workspace.users().map((user) => user.id));
    expect(visibleText(options)).toContain('Choose a person');
    expect(visibleText(options)).toContain('Cora CustOps');
    expect(withAttr(html, 'data-element-type', 'datepicker')[0]?.attrs.type).toBe('date');
    expect(visibleText(html)).toMatch(/Cancel\nComplete$/);
  });

  it('shows a step that cannot be rejected with nothing to submit', () => {
    const html = render(find('reject step, unavailable'));
    expect(withAttr(html, 'data-modal-action', 'submit')).toEqual([]);
    expect(visibleText(html)).toContain('This step cannot be rejected.');
  });

  it('selects the initial user of a users_select even when the workspace list lacks them', () => {
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 'x' },
      blocks: [
        {
          type: 'input',
          block_id: 'owner',
          label: { type: 'plain_text', text: 'Owner' },
          element: { type: 'users_select', action_id: 'owner', initial_user: 'U_NEW' },
        },
      ],
    };
    const html = renderModal(view, {
      ...workspace,
      userName: (id) => (id === 'U_NEW' ? 'New Person' : undefined),
    });
    const chosen = tags(html, 'option').filter((tag) => 'selected' in tag.attrs);
    expect(chosen.map((tag) => tag.attrs.value)).toEqual(['U_NEW']);
    expect(visibleText(html)).toContain('New Person');
  });
});

describe('the survey', () => {
  it('renders the score as one radio group', () => {
    const html = render(find('survey'));
    const radios = tags(html, 'input').filter((tag) => tag.attrs.type === 'radio');
    expect(radios).toHaveLength(5);
    expect(new Set(radios.map((radio) => radio.attrs.name)).size).toBe(1);
    expect(radios.map((radio) => radio.attrs.value).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('has only Close when it is a notice', () => {
    const html = render(find('survey notice'));
    expect(withAttr(html, 'data-modal-action', 'submit')).toEqual([]);
    expect(visibleText(html)).toMatch(/Close$/);
  });
});

describe('the Home', () => {
  const html = render(find('home, desk lead'));

  it('has the New booking button and Take it on untaken queue rows', () => {
    expect(withAttr(html, 'data-action-id', 'new_booking')[0]?.attrs.class).toBe('bk-btn bk-btn-primary');
    const takes = withAttr(html, 'data-action-id').filter((tag) =>
      tag.attrs['data-action-id']?.startsWith('step_take|home|'),
    );
    expect(takes).toHaveLength(8);
    expect(withAttr(html, 'data-action-id', 'home_page|queue|next')).toHaveLength(1);
    expect(withAttr(html, 'data-action-id', 'retry_delivery|42')[0]?.attrs['data-value']).toBe('42');
    expect(withAttr(html, 'data-surface', 'home')).toHaveLength(1);
  });

  it('links references to their threads and shows the KPIs', () => {
    expect(tags(html, 'a').some((tag) => tag.attrs.href?.startsWith('https://booking-desk.slack.com/'))).toBe(
      true,
    );
    const text = visibleText(html);
    expect(text).toContain('Desk KPIs · Q4 FY2026 · all regions');
    expect(text).toContain('✅ Approval accuracy: 96.4 %');
    expect(text).toContain('🔥 SLA');
  });
});

describe('text-only messages', () => {
  it('render their mrkdwn text when there are no blocks', () => {
    const html = render(find('help'));
    expect(html).toContain('<div class="bk-message-text"><strong>Booking Desk</strong>');
    expect(html).toContain('<code class="bk-code">/book help</code>');
    const alert = visibleText(render(find('SLA alert')));
    expect(alert).toContain('🚨 Escalation level 1 · BK-2026-000001 breached its approval SLA');
    expect(alert).toContain('@billing-emea @Omar Orders please act on it now.');
  });

  it('carry the message’s channel and ts on the root', () => {
    const [root] = withAttr(render(find('help')), 'data-surface', 'message');
    expect(root?.attrs).toMatchObject({ 'data-channel': 'C0DESK', 'data-ts': '1794648600.000100' });
  });
});
