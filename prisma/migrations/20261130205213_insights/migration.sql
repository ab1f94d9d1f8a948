-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "dedupKey" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "linkId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "passwordHash" TEXT,
    "label" TEXT,
    "startsAt" DATETIME,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "allowDownload" BOOLEAN NOT NULL DEFAULT true,
    "notifyFirstOpen" BOOLEAN NOT NULL DEFAULT false,
    "firstOpenedAt" DATETIME,
    CONSTRAINT "AccessLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccessLink" ("allowDownload", "createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId") SELECT "allowDownload", "createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId" FROM "AccessLink";
DROP TABLE "AccessLink";
ALTER TABLE "new_AccessLink" RENAME TO "AccessLink";
CREATE UNIQUE INDEX "AccessLink_tokenHash_key" ON "AccessLink"("tokenHash");
CREATE INDEX "AccessLink_resourceType_resourceId_idx" ON "AccessLink"("resourceType", "resourceId");
CREATE INDEX "AccessLink_workspaceId_idx" ON "AccessLink"("workspaceId");
CREATE TABLE "new_Share" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "granteeType" TEXT NOT NULL,
    "granteeUserId" TEXT,
    "granteeEmail" TEXT,
    "granteeWorkspaceId" TEXT,
    "granteeKey" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "note" TEXT,
    "expiresAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "datasetId" TEXT,
    "fileEntryId" TEXT,
    "allowAddToWorkspace" BOOLEAN NOT NULL DEFAULT false,
    "sourceShareId" TEXT,
    "notifyFirstOpen" BOOLEAN NOT NULL DEFAULT false,
    "firstOpenedAt" DATETIME,
    CONSTRAINT "Share_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_granteeUserId_fkey" FOREIGN KEY ("granteeUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_granteeWorkspaceId_fkey" FOREIGN KEY ("granteeWorkspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_fileEntryId_fkey" FOREIGN KEY ("fileEntryId") REFERENCES "FileEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Share" ("allowAddToWorkspace", "createdAt", "createdById", "datasetId", "expiresAt", "fileEntryId", "granteeEmail", "granteeKey", "granteeType", "granteeUserId", "granteeWorkspaceId", "id", "note", "resourceId", "resourceType", "role", "sourceShareId", "updatedAt", "workspaceId") SELECT "allowAddToWorkspace", "createdAt", "createdById", "datasetId", "expiresAt", "fileEntryId", "granteeEmail", "granteeKey", "granteeType", "granteeUserId", "granteeWorkspaceId", "id", "note", "resourceId", "resourceType", "role", "sourceShareId", "updatedAt", "workspaceId" FROM "Share";
DROP TABLE "Share";
ALTER TABLE "new_Share" RENAME TO "Share";
CREATE INDEX "Share_datasetId_idx" ON "Share"("datasetId");
CREATE INDEX "Share_fileEntryId_idx" ON "Share"("fileEntryId");
CREATE INDEX "Share_granteeKey_resourceType_idx" ON "Share"("granteeKey", "resourceType");
CREATE INDEX "Share_granteeUserId_idx" ON "Share"("granteeUserId");
CREATE INDEX "Share_granteeWorkspaceId_idx" ON "Share"("granteeWorkspaceId");
CREATE INDEX "Share_granteeEmail_idx" ON "Share"("granteeEmail");
CREATE INDEX "Share_workspaceId_idx" ON "Share"("workspaceId");
CREATE INDEX "Share_createdById_idx" ON "Share"("createdById");
CREATE INDEX "Share_sourceShareId_idx" ON "Share"("sourceShareId");
CREATE UNIQUE INDEX "Share_resourceType_resourceId_granteeKey_key" ON "Share"("resourceType", "resourceId", "granteeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_dedupKey_key" ON "AuditEvent"("dedupKey");

-- CreateIndex
CREATE INDEX "AuditEvent_linkId_createdAt_idx" ON "AuditEvent"("linkId", "createdAt");

-- Backfill: events recorded through a link kept its id in details only
UPDATE "AuditEvent" SET "linkId" = COALESCE(json_extract("details", '$.linkId'), json_extract("details", '$.link'))
WHERE "linkId" IS NULL AND json_valid("details")
  AND COALESCE(json_extract("details", '$.linkId'), json_extract("details", '$.link')) IS NOT NULL;
