// Interactive elements as a person sees them: [ Take it ], [Choose… ▾], ☑ Urgent, [📅 2026-12-01].

import { DateTime } from 'luxon';
import { paint } from './ansi.ts';
import { choiceLines, optionLabel } from './choices.ts';
import type { Ctx } from './context.ts';
import { fieldBox } from './inputs.ts';
import { isObj, type Obj, obj, objs, str, strs } from './json.ts';
import { textOf } from './text-object.ts';

/** One button: `[ Label ]`, its style and link noted. */
export function renderButton(el: Obj, ctx: Ctx): string {
  const label = ` ${textOf(el.text, ctx) || 'Button'} `;
  const style = str(el.style);
  const url = str(el.url);
  const box =
    style === 'primary'
      ? `${paint(ctx, 'green', paint(ctx, 'bold', `[${label}]`))} (primary)`
      : style === 'danger'
        ? `${paint(ctx, 'red', paint(ctx, 'bold', `[${label}]`))} (danger)`
        : paint(ctx, 'bold', `[${label}]`);
  return url ? `${box} (${url})` : box;
}

function select(label: string, ctx: Ctx, chosen: boolean): string {
  return `[${chosen ? label : paint(ctx, 'dim', label)} ▾]`;
}

function placeholder(el: Obj, ctx: Ctx, fallback: string): string {
  return textOf(el.placeholder, ctx) || fallback;
}

const mentionOf = (ctx: Ctx, id: string) => `@${ctx.userName(id) ?? id}`;
const channelOf = (ctx: Ctx, id: string) => `#${ctx.channelName(id) ?? id}`;

function pickerLine(el: Obj, ctx: Ctx, chosen: string[]): string {
  return chosen.length > 0
    ? select(chosen.join(', '), ctx, true)
    : select(placeholder(el, ctx, 'Select…'), ctx, false);
}

/** Renders one element as lines (choices take one line each, everything else one line). */
export function renderElement(value: unknown, ctx: Ctx): string[] {
  const el = obj(value);
  if (!el) return [paint(ctx, 'dim', '[unsupported element]')];
  const type = str(el.type) ?? '?';
  switch (type) {
    case 'button':
    case 'workflow_button':
      return [renderButton(el, ctx)];
    case 'overflow': {
      const options = objs(el.options).map((option) => optionLabel(option, ctx));
      return [`[⋯]${options.length > 0 ? paint(ctx, 'dim', ` ${options.join(' | ')}`) : ''}`];
    }
    case 'static_select':
    case 'external_select':
      return [pickerLine(el, ctx, isObj(el.initial_option) ? [optionLabel(el.initial_option, ctx)] : [])];
    case 'multi_static_select':
    case 'multi_external_select':
      return [
        pickerLine(
          el,
          ctx,
          objs(el.initial_options).map((option) => optionLabel(option, ctx)),
        ),
      ];
    case 'users_select':
      return [
        pickerLine(
          el,
          ctx,
          strs([el.initial_user]).map((id) => mentionOf(ctx, id)),
        ),
      ];
    case 'multi_users_select':
      return [
        pickerLine(
          el,
          ctx,
          strs(el.initial_users).map((id) => mentionOf(ctx, id)),
        ),
      ];
    case 'conversations_select':
    case 'channels_select':
      return [
        pickerLine(
          el,
          ctx,
          strs([el.initial_conversation ?? el.initial_channel]).map((id) => channelOf(ctx, id)),
        ),
      ];
    case 'multi_conversations_select':
    case 'multi_channels_select':
      return [
        pickerLine(
          el,
          ctx,
          strs(el.initial_conversations ?? el.initial_channels).map((id) => channelOf(ctx, id)),
        ),
      ];
    case 'datepicker':
      return [`[📅 ${str(el.initial_date) ?? paint(ctx, 'dim', placeholder(el, ctx, 'Select a date'))}]`];
    case 'timepicker':
      return [`[🕒 ${str(el.initial_time) ?? paint(ctx, 'dim', placeholder(el, ctx, 'Select time'))}]`];
    case 'datetimepicker':
      return [`[📅 ${dateTime(el.initial_date_time, ctx)}]`];
    case 'checkboxes':
    case 'radio_buttons':
      return choiceLines(el, ctx, type === 'radio_buttons');
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
    case 'rich_text_input':
      return fieldBox(el, ctx);
    case 'file_input':
      return ['[📎 Upload files]'];
    case 'image':
      return [`[image: ${str(el.alt_text) ?? str(el.image_url) ?? ''}]`];
    default:
      return [paint(ctx, 'yellow', `[unsupported element: ${type}]`)];
  }
}

function dateTime(seconds: unknown, ctx: Ctx): string {
  const at = typeof seconds === 'number' ? DateTime.fromSeconds(seconds, { zone: ctx.timeZone }) : undefined;
  return at?.isValid ? at.toFormat('yyyy-MM-dd HH:mm') : paint(ctx, 'dim', 'Select date and time');
}
