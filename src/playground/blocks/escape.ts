// HTML escaping for everything that comes from the app: text, attribute values and JSON kept in
// attributes. The renderer never writes app text any other way.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** ` name="value"`, escaped; nothing when the value is undefined. */
export function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

/** ` name`, for boolean attributes (checked, required…). */
export function flag(name: string, on: boolean): string {
  return on ? ` ${name}` : '';
}

/** ` name="{json}"`: the browser reads it back with JSON.parse(getAttribute(name)). */
export function jsonAttr(name: string, value: unknown): string {
  return value === undefined ? '' : attr(name, JSON.stringify(value));
}
