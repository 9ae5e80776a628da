-- CreateTable
CREATE TABLE "SurveyInvitation" (
    "id" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "reminderDueAt" TIMESTAMPTZ(3),
    "remindedAt" TIMESTAMPTZ(3),
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "SurveyInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" UUID NOT NULL,
    "invitationId" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SurveyInvitation_reminderDueAt_idx" ON "SurveyInvitation"("reminderDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_quarter_userId_key" ON "SurveyInvitation"("quarter", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_invitationId_key" ON "SurveyAnswer"("invitationId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_quarter_region_idx" ON "SurveyAnswer"("quarter", "region");

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "SurveyInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
