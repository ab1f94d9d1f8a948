-- Hand-written as ALTER TABLE ADD COLUMN: what Prisma generated rebuilt AccessLink and Share by copying the
-- columns it knew, which dropped the columns earlier migrations of the same day add (reviewedAt, purpose).

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "dedupKey" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "linkId" TEXT;

-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN "notifyFirstOpen" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "AccessLink" ADD COLUMN "firstOpenedAt" DATETIME;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN "notifyFirstOpen" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Share" ADD COLUMN "firstOpenedAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_dedupKey_key" ON "AuditEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "AuditEvent_linkId_createdAt_idx" ON "AuditEvent"("linkId", "createdAt");

-- Backfill: events recorded through a link kept its id in details only
UPDATE "AuditEvent" SET "linkId" = COALESCE(json_extract("details", '$.linkId'), json_extract("details", '$.link'))
WHERE "linkId" IS NULL AND json_valid("details")
  AND COALESCE(json_extract("details", '$.linkId'), json_extract("details", '$.link')) IS NOT NULL;
