// Booking requests, their commercial versions and lines: the queries the services need.

import type { BookingDraft } from '../domain/booking/intake.ts';
import type { BookingSnapshot } from '../domain/booking/snapshot.ts';
import type { BillingFrequency, PaymentTerms, RenewalType } from '../domain/booking/terms.ts';
import { isCurrency } from '../domain/money.ts';
import { formatReference } from '../domain/reference.ts';
import { isRegion } from '../domain/regions.ts';
import { QUOTE_HOLDING_STATUSES, REQUEST_STATUSES, type RequestStatus } from '../domain/status.ts';
import { requestStatusOf } from '../domain/workflow/queries.ts';
import { type WorkflowState, WorkflowStateSchema } from '../domain/workflow/state.ts';
import type { Prisma } from './generated/client.ts';
import { type DbOrTx, type Tx, toJson } from './types.ts';

export interface QuoteHolder {
  id: string;
  reference: string;
  status: RequestStatus;
  deskChannel: string;
  parentTs: string | null;
  intakeViewId: string | null;
}

export async function findQuoteHolder(db: DbOrTx, quoteNumber: string): Promise<QuoteHolder | null> {
  const row = await db.bookingRequest.findFirst({
    where: { quoteNumber, status: { in: [...QUOTE_HOLDING_STATUSES] } },
    select: {
      id: true,
      reference: true,
      status: true,
      deskChannel: true,
      parentTs: true,
      intakeViewId: true,
    },
    orderBy: { submittedAt: 'desc' },
  });
  return row ? { ...row, status: asStatus(row.status) } : null;
}

/** Serialises concurrent submissions of one quote number until the transaction ends. */
export async function lockQuoteNumber(tx: Tx, quoteNumber: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`quote:${quoteNumber}`}))`;
}

export async function nextReference(tx: Tx, year: number): Promise<string> {
  const counter = await tx.referenceCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return formatReference(year, counter.last);
}

export interface NewBooking {
  id: string;
  reference: string;
  requesterId: string;
  deskChannel: string;
  intakeViewId: string | null;
  submittedAt: Date;
  draft: BookingDraft;
  workflow: WorkflowState;
}

/** Inserts a request with its first commercial version: three INSERTs, nothing read back. */
export async function insertBooking(tx: Tx, booking: NewBooking): Promise<void> {
  const { draft, id } = booking;
  await tx.bookingRequest.createMany({
    data: {
      id,
      reference: booking.reference,
      requesterId: booking.requesterId,
      region: draft.region,
      status: requestStatusOf(booking.workflow),
      version: booking.workflow.version,
      playbookId: booking.workflow.playbook.id,
      playbookVersion: booking.workflow.playbook.version,
      workflow: toJson(booking.workflow),
      quoteNumber: draft.quoteNumber,
      urgent: draft.urgent,
      deskChannel: booking.deskChannel,
      intakeViewId: booking.intakeViewId,
      submittedAt: booking.submittedAt,
    },
  });
  await tx.commercialTerms.createMany({
    data: { requestId: id, ...termsData(draft, 1, booking.requesterId) },
  });
  await tx.bookingLine.createMany({ data: linesData(draft, 1).map((line) => ({ requestId: id, ...line })) });
}

/** Adds commercial version n+1 (terms and lines) and makes it the current one. */
export async function insertCommercialVersion(
  tx: Tx,
  requestId: string,
  version: number,
  draft: BookingDraft,
  createdById: string,
): Promise<void> {
  await tx.commercialTerms.createMany({ data: { requestId, ...termsData(draft, version, createdById) } });
  await tx.bookingLine.createMany({
    data: linesData(draft, version).map((line) => ({ requestId, ...line })),
  });
  await tx.bookingRequest.update({
    where: { id: requestId },
    data: { commercialVersion: version, urgent: draft.urgent, quoteNumber: draft.quoteNumber },
  });
}

export async function findByIntakeView(
  db: DbOrTx,
  intakeViewId: string,
): Promise<{ id: string; reference: string } | null> {
  return db.bookingRequest.findUnique({ where: { intakeViewId }, select: { id: true, reference: true } });
}

export async function setParentTs(db: DbOrTx, requestId: string, parentTs: string): Promise<void> {
  await db.bookingRequest.update({ where: { id: requestId }, data: { parentTs } });
}

export async function loadBooking(db: DbOrTx, requestId: string): Promise<BookingSnapshot | null> {
  const row = await db.bookingRequest.findUnique({ where: { id: requestId } });
  if (!row) return null;
  const [terms, lines] = await Promise.all([
    db.commercialTerms.findUnique({
      where: { requestId_version: { requestId, version: row.commercialVersion } },
    }),
    db.bookingLine.findMany({
      where: { requestId, version: row.commercialVersion },
      orderBy: { position: 'asc' },
    }),
  ]);
  if (!terms) throw new Error(`booking ${row.reference} has no terms for version ${row.commercialVersion}`);
  if (!isRegion(row.region)) throw new Error(`booking ${row.reference} has unknown region ${row.region}`);
  if (!isCurrency(terms.currency)) throw new Error(`booking ${row.reference} has unknown currency`);
  return {
    id: row.id,
    reference: row.reference,
    requesterId: row.requesterId,
    region: row.region,
    status: asStatus(row.status),
    version: row.version,
    commercialVersion: row.commercialVersion,
    urgent: row.urgent,
    deskChannel: row.deskChannel,
    parentTs: row.parentTs,
    submittedAt: row.submittedAt,
    workflow: WorkflowStateSchema.parse(row.workflow),
    draft: {
      quoteNumber: terms.quoteNumber,
      region: row.region,
      urgent: row.urgent,
      customerAccountName: terms.customerAccountName,
      customerCrmId: terms.customerCrmId,
      contactName: terms.contactName,
      contactEmail: terms.contactEmail,
      currency: terms.currency,
      lines: lines.map((line) => ({
        sku: line.sku,
        description: line.description,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        discountBasisPoints: line.discountBasisPoints,
      })),
      subscriptionStart: terms.subscriptionStart.toISOString().slice(0, 10),
      termMonths: terms.termMonths,
      billingFrequency: terms.billingFrequency as BillingFrequency,
      renewalType: terms.renewalType as RenewalType,
      renewalNoticeDays: terms.renewalNoticeDays,
      paymentTerms: terms.paymentTerms as PaymentTerms,
      discountNotes: terms.discountNotes,
      creditsMinor: terms.creditsMinor,
      oneTimeChargesMinor: terms.oneTimeChargesMinor,
      invoiceRecipientName: terms.invoiceRecipientName,
      invoiceRecipientEmail: terms.invoiceRecipientEmail,
      downstreamNotes: terms.downstreamNotes,
    },
  };
}

function termsData(draft: BookingDraft, version: number, createdById: string) {
  return {
    version,
    quoteNumber: draft.quoteNumber,
    customerAccountName: draft.customerAccountName,
    customerCrmId: draft.customerCrmId,
    contactName: draft.contactName,
    contactEmail: draft.contactEmail,
    subscriptionStart: new Date(`${draft.subscriptionStart}T00:00:00Z`),
    termMonths: draft.termMonths,
    billingFrequency: draft.billingFrequency,
    renewalType: draft.renewalType,
    renewalNoticeDays: draft.renewalNoticeDays,
    currency: draft.currency,
    paymentTerms: draft.paymentTerms,
    discountNotes: draft.discountNotes,
    creditsMinor: draft.creditsMinor,
    oneTimeChargesMinor: draft.oneTimeChargesMinor,
    invoiceRecipientName: draft.invoiceRecipientName,
    invoiceRecipientEmail: draft.invoiceRecipientEmail,
    downstreamNotes: draft.downstreamNotes,
    createdById,
  } satisfies Prisma.CommercialTermsCreateWithoutRequestInput;
}

function linesData(draft: BookingDraft, version: number) {
  return draft.lines.map((line, position) => ({
    version,
    position,
    sku: line.sku,
    description: line.description,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    discountBasisPoints: line.discountBasisPoints,
  })) satisfies Prisma.BookingLineCreateWithoutRequestInput[];
}

function asStatus(value: string): RequestStatus {
  if ((REQUEST_STATUSES as readonly string[]).includes(value)) return value as RequestStatus;
  throw new Error(`unknown request status ${value}`);
}

/** A request by its reference (BK-…) or, failing that, the newest one for a quote number. */
export async function findRequestId(db: DbOrTx, referenceOrQuote: string): Promise<string | null> {
  const text = referenceOrQuote.trim().toUpperCase();
  const row =
    (await db.bookingRequest.findUnique({ where: { reference: text }, select: { id: true } })) ??
    (await db.bookingRequest.findFirst({
      where: { quoteNumber: text },
      orderBy: { submittedAt: 'desc' },
      select: { id: true },
    }));
  return row?.id ?? null;
}

/** A requester's requests, open ones first, newest first within each group. */
export async function findRequestIdsOf(db: DbOrTx, requesterId: string, limit: number): Promise<string[]> {
  const closed = ['completed', 'rejected', 'withdrawn', 'cancelled'];
  const [open, recent] = await Promise.all([
    db.bookingRequest.findMany({
      where: { requesterId, status: { notIn: closed } },
      orderBy: { submittedAt: 'desc' },
      take: limit,
      select: { id: true },
    }),
    db.bookingRequest.findMany({
      where: { requesterId, status: { in: closed } },
      orderBy: { updatedAt: 'desc' },
      take: 5,
      select: { id: true },
    }),
  ]);
  return [...open, ...recent].slice(0, limit).map((row) => row.id);
}
