-- CreateTable
CREATE TABLE "BookingRequest" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "commercialVersion" INTEGER NOT NULL DEFAULT 1,
    "quoteNumber" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "deskChannel" TEXT NOT NULL,
    "parentTs" TEXT,
    "intakeViewId" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BookingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommercialTerms" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "quoteNumber" TEXT NOT NULL,
    "customerAccountName" TEXT NOT NULL,
    "customerCrmId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "subscriptionStart" DATE NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "billingFrequency" TEXT NOT NULL,
    "renewalType" TEXT NOT NULL,
    "renewalNoticeDays" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "paymentTerms" TEXT NOT NULL,
    "discountNotes" TEXT NOT NULL DEFAULT '',
    "creditsMinor" BIGINT NOT NULL DEFAULT 0,
    "oneTimeChargesMinor" BIGINT NOT NULL DEFAULT 0,
    "invoiceRecipientName" TEXT NOT NULL,
    "invoiceRecipientEmail" TEXT NOT NULL,
    "downstreamNotes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommercialTerms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingLine" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" BIGINT NOT NULL,
    "discountBasisPoints" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BookingLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID,
    "kind" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "orderingKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BookingRequest_reference_key" ON "BookingRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "BookingRequest_intakeViewId_key" ON "BookingRequest"("intakeViewId");

-- CreateIndex
CREATE INDEX "BookingRequest_quoteNumber_status_idx" ON "BookingRequest"("quoteNumber", "status");

-- CreateIndex
CREATE INDEX "BookingRequest_requesterId_status_idx" ON "BookingRequest"("requesterId", "status");

-- CreateIndex
CREATE INDEX "BookingRequest_status_region_idx" ON "BookingRequest"("status", "region");

-- CreateIndex
CREATE UNIQUE INDEX "CommercialTerms_requestId_version_key" ON "CommercialTerms"("requestId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "BookingLine_requestId_version_position_key" ON "BookingLine"("requestId", "version", "position");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_at_idx" ON "AuditEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_orderingKey_id_idx" ON "OutboxMessage"("orderingKey", "id");

-- AddForeignKey
ALTER TABLE "CommercialTerms" ADD CONSTRAINT "CommercialTerms_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingLine" ADD CONSTRAINT "BookingLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
