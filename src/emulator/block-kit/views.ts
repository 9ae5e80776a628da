/** View payloads (modals and Home tabs) and their surface-level limits. */
import { checkBlocks } from './blocks.ts';
import { checkLength, checkText, Issues, isArray, isObject } from './issues.ts';
import { LIMITS } from './limits.ts';

/** Checks a view object; `expected` is the view type the calling method requires. */
export function checkView(view: unknown, expected: 'modal' | 'home', path = '/view'): Issues {
  const issues = new Issues();
  if (!isObject(view)) {
    issues.add(path, 'must be a view object');
    return issues;
  }
  if (view.type !== expected) issues.add(`${path}/type`, `must be ${expected}`);
  const surface = view.type === 'home' ? 'home' : 'modal';
  if (surface === 'modal') {
    checkText(issues, `${path}/title`, view.title, LIMITS.viewTitle, { required: true, plainOnly: true });
    checkText(issues, `${path}/submit`, view.submit, LIMITS.viewButton, { plainOnly: true });
    checkText(issues, `${path}/close`, view.close, LIMITS.viewButton, { plainOnly: true });
  }
  checkLength(issues, `${path}/private_metadata`, view.private_metadata, LIMITS.privateMetadata);
  checkLength(issues, `${path}/callback_id`, view.callback_id, LIMITS.callbackId);
  checkLength(issues, `${path}/external_id`, view.external_id, LIMITS.externalId);
  if (view.blocks === undefined) {
    issues.add(`${path}/blocks`, 'missing required field');
    return issues;
  }
  checkBlocks(view.blocks, surface, `${path}/blocks`, issues);
  const hasInput = isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
  if (surface === 'modal' && hasInput && view.submit === undefined) {
    issues.add(`${path}/submit`, 'a modal with input blocks must have a submit button');
  }
  return issues;
}
