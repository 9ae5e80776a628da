// The shape of a playbook: ordered steps, each owned by a role, with its checklist, its evidence and the
// decisions it allows. Cross-references (step ids, duplicates) are checked in integrity.ts.

import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { EvidenceFieldSchema, LabelSchema, OptionSchema, PlaybookIdSchema } from './evidence.ts';

const BusinessHoursSchema = z
  .number({ message: 'must be a number of business hours' })
  .positive('must be a positive number of business hours')
  .max(2000, 'must be at most 2000 business hours');

export const ChecklistItemSchema = z.strictObject({
  id: PlaybookIdSchema,
  label: LabelSchema,
  /** Mandatory items must be ticked before the step can be completed. */
  mandatory: z.boolean().default(true),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** Reason categories are ids (stable for KPIs) with the label people pick from. */
export const CategorySchema = OptionSchema;
export type Category = z.infer<typeof CategorySchema>;

export const REJECTION_ROUTES = ['rejection', 'requester', 'earlier_step'] as const;
export type RejectionRoute = (typeof REJECTION_ROUTES)[number];

/**
 * The decisions a step offers besides ticking and taking, keyed by the command that makes them.
 * A decision that is not declared is refused on that step.
 */
export const DecisionsSchema = z.strictObject({
  /** Completing leads to `goTo` (a later step) or, by default, the next step; after the last, the request completes. */
  complete: z.strictObject({ goTo: PlaybookIdSchema.optional() }),
  /**
   * Rejecting ends the request (`rejection`), sends it back to the requester (`requester`) or back to
   * an earlier step (`earlier_step` with `goTo`). A reason is always required.
   */
  reject: z
    .strictObject({
      leadsTo: z.enum(REJECTION_ROUTES),
      goTo: PlaybookIdSchema.optional(),
      categories: z.array(CategorySchema).default([]),
      categoryRequired: z.boolean().default(false),
    })
    .optional(),
  /** Requesting changes always waits on the requester; amending resumes as `amendments` says. */
  request_changes: z.strictObject({}).optional(),
  /** Escalating flags the step (it stays active) and tells `escalateTo`; a category and a note are required. */
  escalate: z
    .strictObject({
      categories: z.array(CategorySchema).min(1, 'must offer at least one category'),
      escalateTo: LabelSchema,
    })
    .optional(),
  /** Deviations are recorded against one of `fields`; they must be routed back (request changes) before completing. */
  record_deviation: z
    .strictObject({ fields: z.array(OptionSchema).min(1, 'must name at least one field') })
    .optional(),
});
export type Decisions = z.infer<typeof DecisionsSchema>;
export type DecisionKind = keyof Decisions;

/** Milestones are what the rest of the desk listens for: they become their own events. */
export const MILESTONES = ['booked', 'billing_triggered', 'provisioning_handed_off'] as const;
export type Milestone = (typeof MILESTONES)[number];

export const StepSchema = z.strictObject({
  id: PlaybookIdSchema,
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  title: LabelSchema,
  instructions: z.string().max(2000).optional(),
  checklist: z.array(ChecklistItemSchema).default([]),
  evidence: z.array(EvidenceFieldSchema).default([]),
  decisions: DecisionsSchema,
  milestone: z.enum(MILESTONES).optional(),
  /** The step's own SLA, in business hours, counted from its activation (computed elsewhere). */
  slaBusinessHours: BusinessHoursSchema.optional(),
});
export type Step = z.infer<typeof StepSchema>;
export type StepInput = z.input<typeof StepSchema>;

/**
 * An SLA clock: its length and the step event that stops it. `first_action` is the first thing a
 * step-role holder does on the step (take, tick or decide); `completed` is the step's completion.
 */
export const SlaSettingSchema = z.strictObject({
  businessHours: BusinessHoursSchema,
  stoppedBy: z.strictObject({ stepId: PlaybookIdSchema, on: z.enum(['first_action', 'completed']) }),
});
export type SlaSetting = z.infer<typeof SlaSettingSchema>;

/**
 * The response SLA of a requester's escalation: from opening the case until someone from the desk
 * replies in the request's thread or acts on its active step (take, complete, reject, request changes).
 */
export const ResponseSlaSchema = z.strictObject({ businessHours: BusinessHoursSchema });
export type ResponseSla = z.infer<typeof ResponseSlaSchema>;

/** Where an amendment resumes: the step that asked for changes (or the active one), or a named step. */
export const ResumePointSchema = z.discriminatedUnion('resumeAt', [
  z.strictObject({ resumeAt: z.literal('requesting_step') }),
  z.strictObject({ resumeAt: z.literal('step'), stepId: PlaybookIdSchema }),
]);
export type ResumePoint = z.infer<typeof ResumePointSchema>;

export const PlaybookShapeSchema = z.strictObject({
  id: PlaybookIdSchema,
  version: z.number().int().positive('must be a positive whole number'),
  name: LabelSchema,
  steps: z.array(StepSchema).min(1, 'must declare at least one step'),
  slas: z.strictObject({ approval: SlaSettingSchema, response: ResponseSlaSchema }),
  amendments: z.strictObject({ commercialChange: ResumePointSchema, otherChange: ResumePointSchema }),
});
export type Playbook = z.infer<typeof PlaybookShapeSchema>;
export type PlaybookInput = z.input<typeof PlaybookShapeSchema>;

/** What a request records at its start, so later versions of the playbook never change it. */
export const PlaybookRefSchema = z.strictObject({
  id: PlaybookIdSchema,
  version: z.number().int().positive(),
});
export type PlaybookRef = z.infer<typeof PlaybookRefSchema>;
