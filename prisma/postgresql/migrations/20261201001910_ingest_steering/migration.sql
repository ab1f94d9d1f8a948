-- AlterTable
ALTER TABLE "DatasetIngest" ADD COLUMN     "blocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "csvReading" JSONB,
ADD COLUMN     "fileColumns" JSONB,
ADD COLUMN     "readOptions" JSONB,
ADD COLUMN     "sourceBlobKey" TEXT,
ADD COLUMN     "sourceColumns" JSONB;
