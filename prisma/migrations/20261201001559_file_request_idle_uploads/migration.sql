-- AlterTable
ALTER TABLE "Upload" ADD COLUMN "activeAt" DATETIME;
ALTER TABLE "Upload" ADD COLUMN "visitorKey" TEXT;

-- CreateIndex
CREATE INDEX "Upload_fileRequestId_visitorKey_finishedAt_idx" ON "Upload"("fileRequestId", "visitorKey", "finishedAt");
