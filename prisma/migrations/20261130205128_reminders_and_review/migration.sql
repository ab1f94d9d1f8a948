-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN "reviewedAt" DATETIME;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN "reviewedAt" DATETIME;

-- CreateTable
CREATE TABLE "JobSend" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "job" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "JobSend_job_createdAt_idx" ON "JobSend"("job", "createdAt");
