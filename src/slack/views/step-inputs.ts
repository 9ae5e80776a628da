// Input blocks of the step modals. block_id and action_id are the same name (an evidence field id, or the
// domain's field name such as "reason"), so a refusal's `field` maps straight onto an inline error.

import type { EvidenceField, Option } from '../../domain/playbook/evidence.ts';
import { type Block, option, plain } from './elements.ts';

/** Block Kit's limit of options in a static_select. */
const SELECT_LIMIT = 100;

interface Common {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string | undefined;
}

function input(common: Common, element: Block): Block {
  return {
    type: 'input',
    block_id: common.id,
    label: plain(common.label, 2000),
    ...(common.optional ? { optional: true } : {}),
    ...(common.hint ? { hint: plain(common.hint, 2000) } : {}),
    element: { ...element, action_id: common.id },
  };
}

export interface TextInputOptions extends Common {
  multiline?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  initial?: string | null | undefined;
}

export function textInput(options: TextInputOptions): Block {
  const initial = options.initial?.slice(0, options.maxLength ?? 3000);
  return input(options, {
    type: 'plain_text_input',
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.minLength ? { min_length: options.minLength } : {}),
    ...(options.maxLength ? { max_length: Math.min(options.maxLength, 3000) } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    ...(initial ? { initial_value: initial } : {}),
  });
}

export function selectInput(
  common: Common & { options: readonly Option[]; initial?: string | null | undefined },
): Block {
  const options = common.options.slice(0, SELECT_LIMIT).map((choice) => option(choice.id, choice.label));
  const initial = options.find((candidate) => candidate.value === common.initial);
  return input(common, {
    type: 'static_select',
    placeholder: plain('Choose…'),
    options,
    ...(initial ? { initial_option: initial } : {}),
  });
}

/** One input per evidence field, by the field's type. */
export function evidenceInput(field: EvidenceField, initial?: string | null): Block {
  const common = { id: field.id, label: field.label, optional: !field.required, hint: field.hint };
  switch (field.type) {
    case 'text':
      return textInput({
        ...common,
        maxLength: field.maxLength,
        multiline: field.maxLength > 150,
        initial,
      });
    case 'reference':
      return textInput({
        ...common,
        hint: field.hint ?? `Written like ${field.example}.`,
        placeholder: field.example,
        maxLength: 200,
        initial,
      });
    case 'date':
      return input(common, {
        type: 'datepicker',
        ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { initial_date: initial } : {}),
      });
    case 'slack_user':
      return input(common, {
        type: 'users_select',
        placeholder: plain('Choose a person'),
        ...(initial && /^[UW][A-Z0-9]{2,20}$/.test(initial) ? { initial_user: initial } : {}),
      });
    case 'choice':
      return selectInput({ ...common, options: field.options, initial });
  }
}
