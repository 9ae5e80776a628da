/** Layout blocks and the per-surface rules (counts, unique ids, where inputs may go). */
import { checkElement } from './elements.ts';
import { checkId, checkLength, checkText, Issues, isArray, isObject, type SurfaceIds } from './issues.ts';
import { LIMITS, type Surface } from './limits.ts';

type Block = Record<string, unknown>;

function checkSection(issues: Issues, path: string, block: Block, ids: SurfaceIds): void {
  if (block.text === undefined && block.fields === undefined) {
    issues.add(`${path}/text`, 'must provide either text or fields');
  }
  checkText(issues, `${path}/text`, block.text, LIMITS.sectionText);
  if (block.fields !== undefined) {
    if (!isArray(block.fields)) issues.add(`${path}/fields`, 'must be an array');
    else {
      if (block.fields.length > LIMITS.sectionFields) {
        issues.add(`${path}/fields`, `must provide no more than ${LIMITS.sectionFields} items`);
      }
      block.fields.forEach((field, i) => {
        checkText(issues, `${path}/fields/${i}`, field, LIMITS.sectionFieldText, { required: true });
      });
    }
  }
  if (block.accessory !== undefined)
    checkElement(issues, `${path}/accessory`, block.accessory, 'accessory', ids);
}

function checkElementList(issues: Issues, path: string, value: unknown, max: number): value is unknown[] {
  if (!isArray(value)) {
    issues.add(path, 'missing required field');
    return false;
  }
  if (value.length === 0) issues.add(path, 'must provide at least 1 item');
  if (value.length > max) issues.add(path, `must provide no more than ${max} items`);
  return true;
}

function checkContext(issues: Issues, path: string, block: Block): void {
  if (!checkElementList(issues, `${path}/elements`, block.elements, LIMITS.contextElements)) return;
  block.elements.forEach((el, i) => {
    const at = `${path}/elements/${i}`;
    if (isObject(el) && el.type === 'image') {
      checkLength(issues, `${at}/alt_text`, el.alt_text, LIMITS.altText, { required: true, min: 1 });
    } else {
      checkText(issues, at, el, LIMITS.sectionText, { required: true });
    }
  });
}

function checkActions(issues: Issues, path: string, block: Block, ids: SurfaceIds): void {
  if (!checkElementList(issues, `${path}/elements`, block.elements, LIMITS.actionsElements)) return;
  block.elements.forEach((el, i) => {
    checkElement(issues, `${path}/elements/${i}`, el, 'actions', ids);
  });
}

function checkInput(issues: Issues, path: string, block: Block, ids: SurfaceIds, surface: Surface): void {
  if (surface === 'message')
    issues.add(`${path}/type`, 'input blocks are only allowed in modals and Home tabs');
  checkText(issues, `${path}/label`, block.label, LIMITS.inputLabel, { required: true, plainOnly: true });
  checkText(issues, `${path}/hint`, block.hint, LIMITS.inputHint, { plainOnly: true });
  if (block.optional !== undefined && typeof block.optional !== 'boolean') {
    issues.add(`${path}/optional`, 'must be a boolean');
  }
  if (block.element === undefined) issues.add(`${path}/element`, 'missing required field');
  else checkElement(issues, `${path}/element`, block.element, 'input', ids);
}

type BlockCheck = (issues: Issues, path: string, block: Block, ids: SurfaceIds, surface: Surface) => void;

const BLOCK_CHECKS: Record<string, BlockCheck> = {
  section: checkSection,
  divider: () => {},
  header: (issues, path, block) => {
    checkText(issues, `${path}/text`, block.text, LIMITS.headerText, { required: true, plainOnly: true });
  },
  context: checkContext,
  actions: checkActions,
  input: checkInput,
  image: (issues, path, block) => {
    checkLength(issues, `${path}/alt_text`, block.alt_text, LIMITS.altText, { required: true, min: 1 });
    if (block.image_url === undefined && block.slack_file === undefined) {
      issues.add(`${path}/image_url`, 'missing required field');
    }
    checkText(issues, `${path}/title`, block.title, LIMITS.altText, { plainOnly: true });
  },
  rich_text: (issues, path, block) => {
    if (!isArray(block.elements)) issues.add(`${path}/elements`, 'missing required field');
  },
  markdown: (issues, path, block) => {
    checkLength(issues, `${path}/text`, block.text, LIMITS.markdownText, { required: true, min: 1 });
  },
};

export const BLOCK_TYPES = new Set(Object.keys(BLOCK_CHECKS));

/**
 * Checks an array of blocks for one surface. `path` is the JSON pointer of the array
 * (`/blocks` for messages, `/view/blocks` for views).
 */
export function checkBlocks(
  blocks: unknown,
  surface: Surface,
  path = '/blocks',
  issues = new Issues(),
): Issues {
  if (!isArray(blocks)) {
    issues.add(path, 'must be an array of blocks');
    return issues;
  }
  const max = surface === 'message' ? LIMITS.blocksPerMessage : LIMITS.blocksPerView;
  if (blocks.length > max) issues.add(path, `must provide no more than ${max} items`);
  const ids: SurfaceIds = { blockIds: new Set(), actionIds: new Set() };
  blocks.forEach((block, i) => {
    const at = `${path}/${i}`;
    if (!isObject(block)) {
      issues.add(at, 'must be a block object');
    } else if (typeof block.type !== 'string' || !BLOCK_TYPES.has(block.type)) {
      issues.add(`${at}/type`, `unsupported block type "${String(block.type)}"`);
    } else {
      checkId(issues, `${at}/block_id`, block.block_id, ids.blockIds, 'block_id');
      BLOCK_CHECKS[block.type]?.(issues, at, block, ids, surface);
    }
  });
  return issues;
}
