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
    "answers" JSONB NOT NULL DEFAULT '[]',
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

-- AlterTable (hand-written: Prisma rebuilt Dataset with `DEFAULT []`, which SQLite reads as an empty identifier,
-- so every existing dataset got '' for requestQuestions and could no longer be read; it also reset tags' default)
ALTER TABLE "Dataset" ADD COLUMN "requestQuestions" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Dataset" ADD COLUMN "requestTerms" TEXT NOT NULL DEFAULT '';

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
