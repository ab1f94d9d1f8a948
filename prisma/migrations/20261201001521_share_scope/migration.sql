-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN "scope" TEXT;
ALTER TABLE "AccessLink" ADD COLUMN "scopeBrokenAt" DATETIME;

-- AlterTable
ALTER TABLE "Share" ADD COLUMN "scope" TEXT;
ALTER TABLE "Share" ADD COLUMN "scopeBrokenAt" DATETIME;
