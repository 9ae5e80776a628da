// Small Block Kit constructors shared by the views, so each view reads as what it shows.

import { truncate } from '../mrkdwn.ts';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export interface SelectOption {
  text: PlainText;
  value: string;
}

export const plain = (text: string, max = 3000): PlainText => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});
export const mrkdwn = (text: string, max = 3000): MrkdwnText => ({
  type: 'mrkdwn',
  text: truncate(text, max),
});

export const option = (value: string, label: string): SelectOption => ({ text: plain(label, 75), value });

export const header = (text: string) => ({ type: 'header', text: plain(text, 150) });
export const divider = () => ({ type: 'divider' });
export const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
export const context = (...texts: string[]) => ({
  type: 'context',
  elements: texts.slice(0, 10).map((text) => mrkdwn(text, 2000)),
});
export const fields = (...texts: string[]) => ({
  type: 'section',
  fields: texts.slice(0, 10).map((text) => mrkdwn(text, 2000)),
});

export type Block = Record<string, unknown>;
