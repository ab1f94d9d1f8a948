-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "datasetId" TEXT,
    "fileEntryId" TEXT,
    "requesterId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "answers" JSONB NOT NULL DEFAULT [],
    "acceptedTerms" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "grantedRole" TEXT,
    "grantExpiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AccessRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessRequest_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessRequest_fileEntryId_fkey" FOREIGN KEY ("fileEntryId") REFERENCES "FileEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Dataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL DEFAULT [],
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "requestQuestions" JSONB NOT NULL DEFAULT [],
    "requestTerms" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "columns" JSONB NOT NULL,
    "rowCount" BIGINT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dataset_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Dataset" ("columns", "createdAt", "createdById", "description", "id", "name", "rowCount", "searchText", "sizeBytes", "slug", "sortName", "tags", "updatedAt", "updatedById", "version", "visibility", "workspaceId") SELECT "columns", "createdAt", "createdById", "description", "id", "name", "rowCount", "searchText", "sizeBytes", "slug", "sortName", "tags", "updatedAt", "updatedById", "version", "visibility", "workspaceId" FROM "Dataset";
DROP TABLE "Dataset";
ALTER TABLE "new_Dataset" RENAME TO "Dataset";
CREATE INDEX "Dataset_workspaceId_updatedAt_idx" ON "Dataset"("workspaceId", "updatedAt");
CREATE INDEX "Dataset_workspaceId_sortName_idx" ON "Dataset"("workspaceId", "sortName");
CREATE INDEX "Dataset_workspaceId_sizeBytes_idx" ON "Dataset"("workspaceId", "sizeBytes");
CREATE INDEX "Dataset_workspaceId_visibility_idx" ON "Dataset"("workspaceId", "visibility");
CREATE UNIQUE INDEX "Dataset_workspaceId_slug_key" ON "Dataset"("workspaceId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequest_pendingKey_key" ON "AccessRequest"("pendingKey");

-- CreateIndex
CREATE INDEX "AccessRequest_workspaceId_status_createdAt_idx" ON "AccessRequest"("workspaceId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_resourceType_resourceId_status_idx" ON "AccessRequest"("resourceType", "resourceId", "status");

-- CreateIndex
CREATE INDEX "AccessRequest_requesterId_resourceType_resourceId_createdAt_idx" ON "AccessRequest"("requesterId", "resourceType", "resourceId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_datasetId_idx" ON "AccessRequest"("datasetId");

-- CreateIndex
CREATE INDEX "AccessRequest_fileEntryId_idx" ON "AccessRequest"("fileEntryId");
