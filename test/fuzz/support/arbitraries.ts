// fast-check arbitraries for hostile Slack input: odd strings, odd JSON, ids that almost match.

import fc from 'fast-check';
import { DEFAULT_PLAYBOOK } from '../../../src/domain/playbook/default-playbook.ts';
import { PEOPLE } from '../../support/desk-config.ts';

const ODD_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u200b', // zero-width space
  '\ufeff',
  '\ud83d\ude00', // 😀
  '\ud83d', // a lone surrogate
  '👨‍👩‍👧',
  'é',
  'ß',
  '\t',
  '\n',
  '\r\n',
  '`',
  '*',
  '_',
  '~',
  '|',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '%',
  '+',
  '=',
  '?',
  '/',
  '.',
  '-',
  ' ',
];

const SNIPPETS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0LEAD>',
  '<https://evil.example|bank>',
  '<#C0DESK>',
  '&lt;',
  '{{x}}',
  '%00',
  '%zz',
  'null',
  'undefined',
  '{}',
  '[]',
  '"',
  '\'; DROP TABLE "BookingRequest";--',
  'BK-2026-000001',
  'bk-2026-000001',
  'BK-2026-0000001',
  'BK-9999-999999',
  'BK-',
  'Q-1234',
  'q-1234',
  'Q-',
  'Q-1234\u0000',
  'ＢＫ-２０２６-０００００１',
  'help',
  'status',
  'mine',
  'cancel',
  'reassign',
  'coverage',
  'hours',
  'stats',
  'EMEA',
  'APAC',
  'billing',
  'today',
  'tomorrow',
  '2026-11-24',
  '2026-02-30',
  'off',
  'quarter',
  'month',
  'last',
  'csv',
];

/** A string a hostile or careless user could type: mixed ASCII, odd Unicode, look-alikes. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...ODD_CHARACTERS),
          fc.constantFrom(...SNIPPETS),
          fc.string({ maxLength: 6 }),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...SNIPPETS), fc.integer({ min: 100, max: 12_000 }))
      .map(([snippet, length]) => snippet.repeat(Math.ceil(length / Math.max(1, snippet.length)))),
  },
);

/** Words for /book: sub-commands, their arguments and junk, joined by odd whitespace. */
export const bookText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: hostileText },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'status',
          'mine',
          'cancel',
          'reassign',
          'coverage',
          'hours',
          'stats',
          'help',
          '?',
          '',
        ),
        fc.array(fc.oneof(fc.constantFrom(...SNIPPETS), hostileText), { maxLength: 4 }),
        fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\n'),
      )
      .map(([keyword, args, space]) => [keyword, ...args].join(space)),
  },
);

/** JSON that is almost, but not quite, what the app expects, and garbage. */
export const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(null),
  fc.constant(undefined),
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
);

export const STEP_IDS = DEFAULT_PLAYBOOK.steps.map((step) => step.id);

/** A user id: the people the desk knows, the bot, strangers, and garbage. */
export const userId: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.values(PEOPLE).map((person) => person.id)) },
  { weight: 1, arbitrary: fc.constantFrom('U0STRANGER', 'U0BOOKINGBOT', 'W0ENTERPRISE') },
);

export function uuidLike(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...known).map((id) => id.toUpperCase()),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        '------------------------------------',
      ),
    },
    { weight: 1, arbitrary: hostileText },
  );
}

/** A step target as the buttons carry it (`{"r":…,"s":…}`), tampered in every way. */
export function stepTargetValue(requestIds: readonly string[]): fc.Arbitrary<string> {
  const stepId = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...STEP_IDS) },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(65), '__proto__', 'constructor') },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ r: uuidLike(requestIds), s: stepId }).map((t) => JSON.stringify(t)) },
    { weight: 1, arbitrary: oddJson.map((value) => JSON.stringify(value) ?? 'undefined') },
    { weight: 1, arbitrary: hostileText },
    {
      weight: 1,
      arbitrary: fc
        .record({ r: oddJson, s: oddJson, extra: oddJson }, { requiredKeys: [] })
        .map((value) => JSON.stringify(value)),
    },
  );
}
