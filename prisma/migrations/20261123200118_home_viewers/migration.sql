-- CreateTable
CREATE TABLE "HomeViewer" (
    "userId" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HomeViewer_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "HomeViewer_openedAt_idx" ON "HomeViewer"("openedAt");
