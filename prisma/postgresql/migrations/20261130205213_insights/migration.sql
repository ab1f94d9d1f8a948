-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN     "firstOpenedAt" TIMESTAMP(3),
ADD COLUMN     "notifyFirstOpen" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "dedupKey" TEXT,
ADD COLUMN     "linkId" TEXT;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "firstOpenedAt" TIMESTAMP(3),
ADD COLUMN     "notifyFirstOpen" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_dedupKey_key" ON "AuditEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "AuditEvent_linkId_createdAt_idx" ON "AuditEvent"("linkId", "createdAt");

-- Backfill: events recorded through a link kept its id in details only
UPDATE "AuditEvent" SET "linkId" = COALESCE("details"->>'linkId', "details"->>'link')
WHERE "linkId" IS NULL AND COALESCE("details"->>'linkId', "details"->>'link') IS NOT NULL;
