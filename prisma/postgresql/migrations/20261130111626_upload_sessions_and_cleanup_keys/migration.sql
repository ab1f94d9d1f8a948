-- Rows whose parent is already gone (nothing deleted them before these keys existed) would fail
-- the new foreign keys. Their blobs are left to the orphan sweep.
DELETE FROM "AccessLink" WHERE "workspaceId" NOT IN (SELECT "id" FROM "Workspace");
DELETE FROM "AccessLinkVisit" WHERE "linkId" NOT IN (SELECT "id" FROM "AccessLink");
DELETE FROM "ShareInvitation" WHERE "shareId" NOT IN (SELECT "id" FROM "Share");
DELETE FROM "DatasetIngest" WHERE "workspaceId" NOT IN (SELECT "id" FROM "Workspace");

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "kind" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" TEXT,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_userId_finishedAt_idx" ON "Upload"("userId", "finishedAt");

-- CreateIndex
CREATE INDEX "Upload_workspaceId_finishedAt_idx" ON "Upload"("workspaceId", "finishedAt");

-- CreateIndex
CREATE INDEX "DatasetIngest_workspaceId_idx" ON "DatasetIngest"("workspaceId");

-- AddForeignKey
ALTER TABLE "DatasetIngest" ADD CONSTRAINT "DatasetIngest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareInvitation" ADD CONSTRAINT "ShareInvitation_shareId_fkey" FOREIGN KEY ("shareId") REFERENCES "Share"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLink" ADD CONSTRAINT "AccessLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLinkVisit" ADD CONSTRAINT "AccessLinkVisit_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AccessLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
