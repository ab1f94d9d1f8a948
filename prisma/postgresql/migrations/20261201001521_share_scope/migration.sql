-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN     "scope" TEXT,
ADD COLUMN     "scopeBrokenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "scope" TEXT,
ADD COLUMN     "scopeBrokenAt" TIMESTAMP(3);
