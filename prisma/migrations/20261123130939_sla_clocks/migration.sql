-- CreateTable
CREATE TABLE "SlaClock" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stepId" TEXT,
    "region" TEXT NOT NULL,
    "targetMinutes" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedMinutes" INTEGER NOT NULL,
    "runningSince" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "breachedAt" TIMESTAMPTZ(3),
    "alertsFired" INTEGER NOT NULL,
    "stoppedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "nextCheckAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SlaClock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationCase" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "respondedBy" TEXT,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EscalationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageDay" (
    "id" UUID NOT NULL,
    "region" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "markedBy" TEXT NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CoverageDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SlaClock_nextCheckAt_idx" ON "SlaClock"("nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaClock_requestId_key_key" ON "SlaClock"("requestId", "key");

-- CreateIndex
CREATE INDEX "EscalationCase_requestId_status_idx" ON "EscalationCase"("requestId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CoverageDay_region_date_role_key" ON "CoverageDay"("region", "date", "role");

-- CreateIndex
CREATE INDEX "BookingRequest_deskChannel_parentTs_idx" ON "BookingRequest"("deskChannel", "parentTs");

-- AddForeignKey
ALTER TABLE "SlaClock" ADD CONSTRAINT "SlaClock_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationCase" ADD CONSTRAINT "EscalationCase_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
