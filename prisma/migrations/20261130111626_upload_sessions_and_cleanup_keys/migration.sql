-- Rows whose parent is already gone (nothing deleted them before these keys existed) would fail
-- the new foreign keys. Their blobs are left to the orphan sweep.
DELETE FROM "AccessLink" WHERE "workspaceId" NOT IN (SELECT "id" FROM "Workspace");
DELETE FROM "AccessLinkVisit" WHERE "linkId" NOT IN (SELECT "id" FROM "AccessLink");
DELETE FROM "ShareInvitation" WHERE "shareId" NOT IN (SELECT "id" FROM "Share");
DELETE FROM "DatasetIngest" WHERE "workspaceId" NOT IN (SELECT "id" FROM "Workspace");

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "kind" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "result" TEXT,
    CONSTRAINT "Upload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    CONSTRAINT "AccessLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccessLink" ("createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId") SELECT "createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId" FROM "AccessLink";
DROP TABLE "AccessLink";
ALTER TABLE "new_AccessLink" RENAME TO "AccessLink";
CREATE UNIQUE INDEX "AccessLink_tokenHash_key" ON "AccessLink"("tokenHash");
CREATE INDEX "AccessLink_resourceType_resourceId_idx" ON "AccessLink"("resourceType", "resourceId");
CREATE INDEX "AccessLink_workspaceId_idx" ON "AccessLink"("workspaceId");
CREATE TABLE "new_AccessLinkVisit" (
    "linkId" TEXT NOT NULL,
    "visitorKey" TEXT NOT NULL,
    "day" TEXT NOT NULL,

    PRIMARY KEY ("linkId", "visitorKey", "day"),
    CONSTRAINT "AccessLinkVisit_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AccessLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccessLinkVisit" ("day", "linkId", "visitorKey") SELECT "day", "linkId", "visitorKey" FROM "AccessLinkVisit";
DROP TABLE "AccessLinkVisit";
ALTER TABLE "new_AccessLinkVisit" RENAME TO "AccessLinkVisit";
CREATE TABLE "new_DatasetIngest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "baseVersion" INTEGER,
    "blobKey" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "rowCount" BIGINT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "addedRows" BIGINT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "DatasetIngest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DatasetIngest" ("addedRows", "baseVersion", "blobKey", "columns", "createdAt", "createdById", "datasetId", "expiresAt", "id", "mode", "rowCount", "sizeBytes", "sourceFormat", "sourceName", "workspaceId") SELECT "addedRows", "baseVersion", "blobKey", "columns", "createdAt", "createdById", "datasetId", "expiresAt", "id", "mode", "rowCount", "sizeBytes", "sourceFormat", "sourceName", "workspaceId" FROM "DatasetIngest";
DROP TABLE "DatasetIngest";
ALTER TABLE "new_DatasetIngest" RENAME TO "DatasetIngest";
CREATE INDEX "DatasetIngest_createdById_idx" ON "DatasetIngest"("createdById");
CREATE INDEX "DatasetIngest_expiresAt_idx" ON "DatasetIngest"("expiresAt");
CREATE INDEX "DatasetIngest_datasetId_idx" ON "DatasetIngest"("datasetId");
CREATE INDEX "DatasetIngest_workspaceId_idx" ON "DatasetIngest"("workspaceId");
CREATE TABLE "new_ShareInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shareId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareInvitation_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ShareInvitation" ("createdAt", "email", "expiresAt", "id", "shareId", "tokenHash", "usedAt") SELECT "createdAt", "email", "expiresAt", "id", "shareId", "tokenHash", "usedAt" FROM "ShareInvitation";
DROP TABLE "ShareInvitation";
ALTER TABLE "new_ShareInvitation" RENAME TO "ShareInvitation";
CREATE UNIQUE INDEX "ShareInvitation_tokenHash_key" ON "ShareInvitation"("tokenHash");
CREATE INDEX "ShareInvitation_shareId_idx" ON "ShareInvitation"("shareId");
CREATE INDEX "ShareInvitation_email_idx" ON "ShareInvitation"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Upload_userId_finishedAt_idx" ON "Upload"("userId", "finishedAt");

-- CreateIndex
CREATE INDEX "Upload_workspaceId_finishedAt_idx" ON "Upload"("workspaceId", "finishedAt");
