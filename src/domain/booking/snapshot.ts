// A booking request as the views and the domain see it: its record plus its current commercial version.

import type { Region } from '../regions.ts';
import type { RequestStatus } from '../status.ts';
import type { WorkflowState } from '../workflow/state.ts';
import type { BookingDraft } from './intake.ts';

export interface BookingSnapshot {
  id: string;
  reference: string;
  requesterId: string;
  region: Region;
  status: RequestStatus;
  version: number;
  commercialVersion: number;
  urgent: boolean;
  deskChannel: string;
  parentTs: string | null;
  submittedAt: Date;
  draft: BookingDraft;
  /** Where the request stands in its playbook (which names the playbook version). */
  workflow: WorkflowState;
}
