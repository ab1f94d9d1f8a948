-- CreateEnum
CREATE TYPE "LinkPurpose" AS ENUM ('read', 'upload');

-- AlterEnum
ALTER TYPE "UploadKind" ADD VALUE 'filerequest';

-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN     "purpose" "LinkPurpose" NOT NULL DEFAULT 'read';

-- AlterTable
ALTER TABLE "FileEntry" ADD COLUMN     "uploaderName" TEXT;

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "fileRequestId" TEXT;

-- CreateTable
CREATE TABLE "FileRequest" (
    "linkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT,
    "maxFileBytes" BIGINT NOT NULL,
    "maxFiles" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "targetFolderId" TEXT NOT NULL,

    CONSTRAINT "FileRequest_pkey" PRIMARY KEY ("linkId")
);

-- CreateIndex
CREATE INDEX "Upload_fileRequestId_finishedAt_idx" ON "Upload"("fileRequestId", "finishedAt");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_fileRequestId_fkey" FOREIGN KEY ("fileRequestId") REFERENCES "FileRequest"("linkId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileRequest" ADD CONSTRAINT "FileRequest_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AccessLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
