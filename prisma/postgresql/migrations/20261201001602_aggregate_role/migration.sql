-- AlterEnum
ALTER TYPE "ShareRole" ADD VALUE 'aggregate';

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "minGroupSize" INTEGER NOT NULL DEFAULT 10;
