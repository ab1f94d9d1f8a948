-- CreateTable
CREATE TABLE "ShareMailLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "senderId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    CONSTRAINT "Share_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_granteeUserId_fkey" FOREIGN KEY ("granteeUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_granteeWorkspaceId_fkey" FOREIGN KEY ("granteeWorkspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Share_fileEntryId_fkey" FOREIGN KEY ("fileEntryId") REFERENCES "FileEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Share" ("createdAt", "createdById", "datasetId", "expiresAt", "fileEntryId", "granteeEmail", "granteeKey", "granteeType", "granteeUserId", "granteeWorkspaceId", "id", "note", "resourceId", "resourceType", "role", "updatedAt", "workspaceId") SELECT "createdAt", "createdById", "datasetId", "expiresAt", "fileEntryId", "granteeEmail", "granteeKey", "granteeType", "granteeUserId", "granteeWorkspaceId", "id", "note", "resourceId", "resourceType", "role", "updatedAt", "workspaceId" FROM "Share";
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
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "personal" BOOLEAN NOT NULL DEFAULT false,
    "shareEmailSubject" TEXT,
    "shareEmailIntro" TEXT,
    "shareAllowAddDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Workspace_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Workspace" ("createdAt", "description", "id", "name", "ownerId", "personal", "shareEmailIntro", "shareEmailSubject", "slug", "updatedAt") SELECT "createdAt", "description", "id", "name", "ownerId", "personal", "shareEmailIntro", "shareEmailSubject", "slug", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_ownerId_slug_key" ON "Workspace"("ownerId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ShareMailLog_senderId_createdAt_idx" ON "ShareMailLog"("senderId", "createdAt");
