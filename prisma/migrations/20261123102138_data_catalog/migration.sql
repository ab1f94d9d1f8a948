-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "searchText" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "columns" TEXT NOT NULL,
    "rowCount" BIGINT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Dataset_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DatasetVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "blobKey" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "rowCount" BIGINT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "addedRows" BIGINT NOT NULL DEFAULT 0,
    "sourceName" TEXT NOT NULL DEFAULT '',
    "sourceFormat" TEXT NOT NULL DEFAULT '',
    "restoredFrom" INTEGER,
    "stats" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DatasetVersion_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DatasetTag" (
    "datasetId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("datasetId", "tag"),
    CONSTRAINT "DatasetTag_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DatasetIngest" (
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
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Dataset_workspaceId_updatedAt_idx" ON "Dataset"("workspaceId", "updatedAt");

-- CreateIndex
CREATE INDEX "Dataset_workspaceId_sortName_idx" ON "Dataset"("workspaceId", "sortName");

-- CreateIndex
CREATE INDEX "Dataset_workspaceId_sizeBytes_idx" ON "Dataset"("workspaceId", "sizeBytes");

-- CreateIndex
CREATE INDEX "Dataset_workspaceId_visibility_idx" ON "Dataset"("workspaceId", "visibility");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_workspaceId_slug_key" ON "Dataset"("workspaceId", "slug");

-- CreateIndex
CREATE INDEX "DatasetVersion_blobKey_idx" ON "DatasetVersion"("blobKey");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetVersion_datasetId_number_key" ON "DatasetVersion"("datasetId", "number");

-- CreateIndex
CREATE INDEX "DatasetTag_workspaceId_tag_idx" ON "DatasetTag"("workspaceId", "tag");

-- CreateIndex
CREATE INDEX "DatasetIngest_createdById_idx" ON "DatasetIngest"("createdById");

-- CreateIndex
CREATE INDEX "DatasetIngest_expiresAt_idx" ON "DatasetIngest"("expiresAt");

-- CreateIndex
CREATE INDEX "DatasetIngest_datasetId_idx" ON "DatasetIngest"("datasetId");
