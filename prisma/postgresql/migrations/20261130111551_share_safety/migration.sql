-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "allowAddToWorkspace" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sourceShareId" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "shareAllowAddDefault" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ShareMailLog" (
    "id" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareMailLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShareMailLog_senderId_createdAt_idx" ON "ShareMailLog"("senderId", "createdAt");

-- CreateIndex
CREATE INDEX "Share_sourceShareId_idx" ON "Share"("sourceShareId");
