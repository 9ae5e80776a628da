-- AlterTable
ALTER TABLE "BookingRequest" ADD COLUMN     "playbookId" TEXT NOT NULL,
ADD COLUMN     "playbookVersion" INTEGER NOT NULL,
ADD COLUMN     "workflow" JSONB NOT NULL;

-- CreateTable
CREATE TABLE "ThreadMessage" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "stepId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ThreadMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ThreadMessage_requestId_stepId_createdAt_idx" ON "ThreadMessage"("requestId", "stepId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadMessage_requestId_key_key" ON "ThreadMessage"("requestId", "key");

-- AddForeignKey
ALTER TABLE "ThreadMessage" ADD CONSTRAINT "ThreadMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BookingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
