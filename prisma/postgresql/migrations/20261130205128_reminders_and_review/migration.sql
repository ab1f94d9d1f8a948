-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JobSend" (
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobSend_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "JobSend_job_createdAt_idx" ON "JobSend"("job", "createdAt");
