-- Hand-written as ALTER TABLE ADD COLUMN (what Prisma generated redefined AccessLink and Upload by copying
-- their columns, which would drop columns another migration adds to them in the meantime).

-- AlterTable
ALTER TABLE "FileEntry" ADD COLUMN "uploaderName" TEXT;

-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'read';

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

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN "fileRequestId" TEXT REFERENCES "FileRequest" ("linkId") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Upload_fileRequestId_finishedAt_idx" ON "Upload"("fileRequestId", "finishedAt");
