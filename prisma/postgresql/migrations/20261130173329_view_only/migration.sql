-- AlterEnum
ALTER TYPE "ShareRole" ADD VALUE 'viewonly';

-- AlterTable
ALTER TABLE "AccessLink" ADD COLUMN     "allowDownload" BOOLEAN NOT NULL DEFAULT true;
