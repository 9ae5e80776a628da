// Checks a well-shaped playbook for broken cross-references: duplicate ids, steps that point nowhere,
// routes that would loop. Each problem names its exact place, e.g. steps[3].decisions.reject.goTo.

import type { Playbook, ResumePoint, Step } from './schema.ts';

export interface PlaybookProblem {
  path: (string | number)[];
  message: string;
}

export function findPlaybookProblems(playbook: Playbook): PlaybookProblem[] {
  const problems: PlaybookProblem[] = [];
  const report = (path: (string | number)[], message: string) => problems.push({ path, message });
  const indexOf = new Map<string, number>();

  playbook.steps.forEach((step, index) => {
    const first = indexOf.get(step.id);
    if (first === undefined) indexOf.set(step.id, index);
    else report(['steps', index, 'id'], `duplicate step id "${step.id}" (also steps[${first}])`);
  });
  const known = (path: (string | number)[], stepId: string): number | null => {
    const index = indexOf.get(stepId);
    if (index === undefined) report(path, `unknown step "${stepId}"`);
    return index ?? null;
  };

  playbook.steps.forEach((step, index) => {
    const at = (...rest: (string | number)[]) => ['steps', index, ...rest];
    uniqueIds(step.checklist, 'checklist item', (i, message) => report(at('checklist', i, 'id'), message));
    uniqueIds(step.evidence, 'evidence field', (i, message) => report(at('evidence', i, 'id'), message));
    checkDecisions(step, index, at, known, report);
  });

  const milestoneAt = new Map<string, number>();
  playbook.steps.forEach((step, index) => {
    if (!step.milestone) return;
    const first = milestoneAt.get(step.milestone);
    if (first === undefined) milestoneAt.set(step.milestone, index);
    else
      report(
        ['steps', index, 'milestone'],
        `milestone "${step.milestone}" is already reached at steps[${first}]`,
      );
  });

  known(['slas', 'approval', 'stoppedBy', 'stepId'], playbook.slas.approval.stoppedBy.stepId);
  for (const change of ['commercialChange', 'otherChange'] as const) {
    const point: ResumePoint = playbook.amendments[change];
    if (point.resumeAt === 'step') known(['amendments', change, 'stepId'], point.stepId);
  }
  return problems;
}

type At = (...rest: (string | number)[]) => (string | number)[];
type Known = (path: (string | number)[], stepId: string) => number | null;
type Report = (path: (string | number)[], message: string) => void;

function checkDecisions(step: Step, index: number, at: At, known: Known, report: Report): void {
  const { complete, reject, escalate, record_deviation } = step.decisions;
  if (complete.goTo !== undefined) {
    const target = known(at('decisions', 'complete', 'goTo'), complete.goTo);
    if (target !== null && target <= index) {
      report(at('decisions', 'complete', 'goTo'), `"${complete.goTo}" must come after this step`);
    }
  }
  if (reject) {
    const goToPath = at('decisions', 'reject', 'goTo');
    if (reject.leadsTo === 'earlier_step') {
      if (reject.goTo === undefined) report(goToPath, 'is required when leadsTo is "earlier_step"');
      else {
        const target = known(goToPath, reject.goTo);
        if (target !== null && target >= index) {
          report(goToPath, `"${reject.goTo}" must be an earlier step`);
        }
      }
    } else if (reject.goTo !== undefined) {
      report(goToPath, `is only used when leadsTo is "earlier_step" (it is "${reject.leadsTo}")`);
    }
    if (reject.categoryRequired && reject.categories.length === 0) {
      report(at('decisions', 'reject', 'categoryRequired'), 'needs categories to choose from');
    }
    uniqueIds(reject.categories, 'category', (i, message) =>
      report(at('decisions', 'reject', 'categories', i, 'id'), message),
    );
  }
  if (escalate) {
    uniqueIds(escalate.categories, 'category', (i, message) =>
      report(at('decisions', 'escalate', 'categories', i, 'id'), message),
    );
  }
  if (record_deviation) {
    uniqueIds(record_deviation.fields, 'deviation field', (i, message) =>
      report(at('decisions', 'record_deviation', 'fields', i, 'id'), message),
    );
  }
  step.evidence.forEach((field, i) => {
    if (field.type === 'choice') {
      uniqueIds(field.options, 'option', (j, message) =>
        report(at('evidence', i, 'options', j, 'id'), message),
      );
    }
  });
}

function uniqueIds(
  entries: readonly { id: string }[],
  what: string,
  report: (index: number, message: string) => void,
): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, index);
    else report(index, `duplicate ${what} id "${entry.id}" (also [${first}])`);
  });
}
