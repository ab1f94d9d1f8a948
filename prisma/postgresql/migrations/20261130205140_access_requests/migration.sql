-- CreateEnum
CREATE TYPE "AccessRequestSource" AS ENUM ('discover', 'grant', 'link');

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('approved', 'denied', 'pending');

-- AlterEnum
-- BEFORE 'private': PostgreSQL orders an enum by declaration, which must stay alphabetical like SQLite's text order.
ALTER TYPE "Visibility" ADD VALUE 'listed' BEFORE 'private';

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "requestQuestions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "requestTerms" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "resourceType" "ResourceType" NOT NULL,
    "resourceId" TEXT NOT NULL,
    "datasetId" TEXT,
    "fileEntryId" TEXT,
    "requesterId" TEXT NOT NULL,
    "source" "AccessRequestSource" NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "answers" JSONB NOT NULL DEFAULT '[]',
    "acceptedTerms" TEXT NOT NULL DEFAULT '',
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "grantedRole" "ShareRole",
    "grantExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_fileEntryId_fkey" FOREIGN KEY ("fileEntryId") REFERENCES "FileEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
