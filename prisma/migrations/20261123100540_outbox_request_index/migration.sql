-- CreateIndex
CREATE INDEX "OutboxMessage_requestId_idx" ON "OutboxMessage"("requestId");
