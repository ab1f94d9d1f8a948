-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "createdAt", "details", "id", "resourceId", "resourceType", "workspaceId") SELECT "action", "actorId", "createdAt", "details", "id", "resourceId", "resourceType", "workspaceId" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_workspaceId_createdAt_idx" ON "AuditEvent"("workspaceId", "createdAt");
CREATE INDEX "AuditEvent_resourceType_resourceId_idx" ON "AuditEvent"("resourceType", "resourceId");
CREATE TABLE "new_Dataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" JSONB NOT NULL DEFAULT '[]',
    "visibility" TEXT NOT NULL DEFAULT 'private',
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
CREATE TABLE "new_DatasetIngest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "baseVersion" INTEGER,
    "blobKey" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
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
CREATE TABLE "new_DatasetVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "blobKey" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "rowCount" BIGINT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "addedRows" BIGINT NOT NULL DEFAULT 0,
    "sourceName" TEXT NOT NULL DEFAULT '',
    "sourceFormat" TEXT NOT NULL DEFAULT '',
    "restoredFrom" INTEGER,
    "stats" JSONB,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DatasetVersion_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DatasetVersion" ("addedRows", "blobKey", "columns", "createdAt", "createdById", "datasetId", "id", "kind", "number", "restoredFrom", "rowCount", "sizeBytes", "sourceFormat", "sourceName", "stats") SELECT "addedRows", "blobKey", "columns", "createdAt", "createdById", "datasetId", "id", "kind", "number", "restoredFrom", "rowCount", "sizeBytes", "sourceFormat", "sourceName", "stats" FROM "DatasetVersion";
DROP TABLE "DatasetVersion";
ALTER TABLE "new_DatasetVersion" RENAME TO "DatasetVersion";
CREATE INDEX "DatasetVersion_blobKey_idx" ON "DatasetVersion"("blobKey");
CREATE UNIQUE INDEX "DatasetVersion_datasetId_number_key" ON "DatasetVersion"("datasetId", "number");
CREATE TABLE "new_Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "kind" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "result" JSONB,
    CONSTRAINT "Upload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Upload_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Upload" ("bytes", "createdAt", "finishedAt", "id", "kind", "result", "userId", "workspaceId") SELECT "bytes", "createdAt", "finishedAt", "id", "kind", "result", "userId", "workspaceId" FROM "Upload";
DROP TABLE "Upload";
ALTER TABLE "new_Upload" RENAME TO "Upload";
CREATE INDEX "Upload_userId_finishedAt_idx" ON "Upload"("userId", "finishedAt");
CREATE INDEX "Upload_workspaceId_finishedAt_idx" ON "Upload"("workspaceId", "finishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
