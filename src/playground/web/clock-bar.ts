// The clock control: the app's time in a region (ticking at real speed), whether that region's desk
// is open, and the moves: +1 business hour, next opening, to HH:mm, +1 day. After a move the
// server runs the SLA sweep, so nudges, breaches and escalations show at once.

import type { ClockMoveRequest, ClockState, RegionTime } from '../page-types.ts';
import { h } from './dom.ts';

export interface ClockBar {
  element: HTMLElement;
  update(state: ClockState): void;
}

export function createClockBar(move: (request: ClockMoveRequest) => Promise<void>): ClockBar {
  let state: ClockState | null = null;
  let fetchedAt = performance.now();
  const time = h('span', { class: 'pg-clock-time', 'data-testid': 'clock-time' });
  const status = h('span', { class: 'pg-clock-status', 'data-testid': 'clock-status' });
  const region = h('select', { class: 'pg-clock-region', 'aria-label': 'Region' });
  for (const name of ['APAC', 'EMEA', 'AMER', 'LATAM'])
    region.append(h('option', { value: name, selected: name === 'EMEA' }, name));
  const at = h('input', {
    type: 'text',
    class: 'pg-clock-at',
    value: '16:45',
    size: 5,
    maxlength: 5,
    pattern: '[0-2][0-9]:[0-5][0-9]',
    'aria-label': 'Time in the region (HH:mm)',
  });
  const buttons: HTMLButtonElement[] = [];
  const button = (label: string, request: () => ClockMoveRequest, title: string) => {
    const node = h(
      'button',
      { type: 'button', class: 'pg-clock-move', title, 'data-move': request().kind },
      label,
    );
    node.addEventListener('click', () => {
      for (const b of buttons) b.disabled = true;
      void move(request()).finally(() => {
        for (const b of buttons) b.disabled = false;
      });
    });
    buttons.push(node);
    return node;
  };
  const moves = h(
    'div',
    { class: 'pg-clock-moves' },
    button(
      '+1 business hour',
      () => ({ kind: 'business-hour', region: region.value }),
      "One hour of the region's business time",
    ),
    button(
      'Next opening',
      () => ({ kind: 'next-opening', region: region.value }),
      "The region's next opening",
    ),
    h(
      'span',
      { class: 'pg-clock-to' },
      button(
        'To',
        () => ({ kind: 'to-time', region: region.value, time: at.value || '16:45' }),
        "The next time the region's clock shows this time",
      ),
      at,
    ),
    button('+1 day', () => ({ kind: 'day' }), '24 hours'),
  );

  const regionTime = (): RegionTime | undefined => state?.regions.find((r) => r.region === region.value);
  const render = () => {
    const shown = regionTime();
    if (!state || !shown) return;
    const now = new Date(Date.parse(state.now) + (performance.now() - fetchedAt));
    time.textContent = new Intl.DateTimeFormat('en-GB', {
      timeZone: shown.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(now);
    const extras = [shown.holiday, shown.periodEnd].filter(Boolean).join(' · ');
    status.textContent = `${shown.region} ${shown.status}${extras ? ` · ${extras}` : ''}`;
    status.classList.toggle('pg-open', shown.open);
  };
  region.addEventListener('change', render);
  setInterval(render, 1000);
  const element = h(
    'div',
    { class: 'pg-clock', role: 'group', 'aria-label': 'App clock' },
    h('span', { class: 'pg-clock-now' }, time, status),
    region,
    moves,
  );
  return {
    element,
    update(next) {
      state = next;
      fetchedAt = performance.now();
      render();
    },
  };
}
