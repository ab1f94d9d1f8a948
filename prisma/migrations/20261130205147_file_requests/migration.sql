-- AlterTable
ALTER TABLE "FileEntry" ADD COLUMN "uploaderName" TEXT;

-- CreateTable
CREATE TABLE "FileRequest" (
    "linkId" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "message" TEXT,
    "maxFileBytes" BIGINT NOT NULL,
    "maxFiles" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "targetFolderId" TEXT NOT NULL,
    CONSTRAINT "FileRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AccessLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "allowDownload" BOOLEAN NOT NULL DEFAULT true,
    "purpose" TEXT NOT NULL DEFAULT 'read',
    CONSTRAINT "AccessLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccessLink" ("allowDownload", "createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId") SELECT "allowDownload", "createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId" FROM "AccessLink";
DROP TABLE "AccessLink";
ALTER TABLE "new_AccessLink" RENAME TO "AccessLink";
CREATE UNIQUE INDEX "AccessLink_tokenHash_key" ON "AccessLink"("tokenHash");
CREATE INDEX "AccessLink_resourceType_resourceId_idx" ON "AccessLink"("resourceType", "resourceId");
CREATE INDEX "AccessLink_workspaceId_idx" ON "AccessLink"("workspaceId");
CREATE TABLE "new_Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "kind" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "result" JSONB,
    "fileRequestId" TEXT,
    CONSTRAINT "Upload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_fileRequestId_fkey" FOREIGN KEY ("fileRequestId") REFERENCES "FileRequest" ("linkId") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Upload" ("bytes", "createdAt", "finishedAt", "id", "kind", "result", "userId", "workspaceId") SELECT "bytes", "createdAt", "finishedAt", "id", "kind", "result", "userId", "workspaceId" FROM "Upload";
DROP TABLE "Upload";
ALTER TABLE "new_Upload" RENAME TO "Upload";
CREATE INDEX "Upload_userId_finishedAt_idx" ON "Upload"("userId", "finishedAt");
CREATE INDEX "Upload_workspaceId_finishedAt_idx" ON "Upload"("workspaceId", "finishedAt");
CREATE INDEX "Upload_fileRequestId_finishedAt_idx" ON "Upload"("fileRequestId", "finishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
