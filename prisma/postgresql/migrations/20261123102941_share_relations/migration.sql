-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "datasetId" TEXT,
ADD COLUMN     "fileEntryId" TEXT;

-- CreateIndex
CREATE INDEX "Share_datasetId_idx" ON "Share"("datasetId");

-- CreateIndex
CREATE INDEX "Share_fileEntryId_idx" ON "Share"("fileEntryId");

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_granteeUserId_fkey" FOREIGN KEY ("granteeUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_granteeWorkspaceId_fkey" FOREIGN KEY ("granteeWorkspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_fileEntryId_fkey" FOREIGN KEY ("fileEntryId") REFERENCES "FileEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
