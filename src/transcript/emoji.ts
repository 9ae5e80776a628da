// Slack emoji shortcodes the desk is likely to use; unknown codes stay as typed.

const EMOJI: Record<string, string> = {
  white_check_mark: '✅',
  ledger: '📒',
  credit_card: '💳',
  truck: '🚚',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  heavy_multiplication_x: '✖️',
  warning: '⚠️',
  rotating_light: '🚨',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  stop_sign: '🛑',
  exclamation: '❗',
  heavy_exclamation_mark: '❗',
  question: '❓',
  information_source: 'ℹ️',
  bell: '🔔',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  alarm_clock: '⏰',
  stopwatch: '⏱️',
  clock3: '🕒',
  calendar: '📆',
  date: '📅',
  spiral_calendar_pad: '🗓️',
  tada: '🎉',
  eyes: '👀',
  memo: '📝',
  pencil: '📝',
  pencil2: '✏️',
  clipboard: '📋',
  pushpin: '📌',
  link: '🔗',
  package: '📦',
  receipt: '🧾',
  moneybag: '💰',
  dollar: '💵',
  money_with_wings: '💸',
  inbox_tray: '📥',
  outbox_tray: '📤',
  email: '📧',
  envelope: '✉️',
  speech_balloon: '💬',
  lock: '🔒',
  unlock: '🔓',
  arrow_right: '➡️',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  leftwards_arrow_with_hook: '↩️',
  arrows_counterclockwise: '🔄',
  repeat: '🔁',
  point_right: '👉',
  bust_in_silhouette: '👤',
  busts_in_silhouette: '👥',
  wave: '👋',
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  ok_hand: '👌',
  pray: '🙏',
  raised_hands: '🙌',
  handshake: '🤝',
  fire: '🔥',
  rocket: '🚀',
  star: '⭐',
  sparkles: '✨',
  bulb: '💡',
  gear: '⚙️',
  hammer_and_wrench: '🛠️',
  construction: '🚧',
  mag: '🔍',
  bar_chart: '📊',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  checkered_flag: '🏁',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  large_orange_circle: '🟠',
  large_blue_circle: '🔵',
  white_circle: '⚪',
  black_circle: '⚫',
  new: '🆕',
  sos: '🆘',
  zzz: '💤',
  heart: '❤️',
  smile: '😄',
  slightly_smiling_face: '🙂',
  thinking_face: '🤔',
  briefcase: '💼',
  office: '🏢',
  globe_with_meridians: '🌐',
  page_facing_up: '📄',
  file_folder: '📁',
  heavy_plus_sign: '➕',
  heavy_minus_sign: '➖',
};

const SHORTCODE = /:([a-z0-9_+'-]+):/y;

/** The emoji for a shortcode name (without colons), if known. */
export function emojiFor(name: string): string | undefined {
  if (/^skin-tone-[2-6]$/.test(name)) return '';
  return Object.hasOwn(EMOJI, name) ? EMOJI[name] : undefined;
}

/** Replaces known `:shortcodes:`; unknown ones (and times like 12:30:00) stay as they are. */
export function replaceEmoji(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    SHORTCODE.lastIndex = at;
    const match = text[at] === ':' ? SHORTCODE.exec(text) : null;
    const emoji = match ? emojiFor(match[1]!) : undefined;
    if (match && emoji !== undefined) {
      out += emoji;
      at += match[0].length;
    } else {
      // An unknown code's closing colon may open the next code (`:nope:tada:`).
      out += text[at];
      at += 1;
    }
  }
  return out;
}
