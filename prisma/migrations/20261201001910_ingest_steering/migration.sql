-- AlterTable
ALTER TABLE "DatasetIngest" ADD COLUMN "sourceBlobKey" TEXT;
ALTER TABLE "DatasetIngest" ADD COLUMN "readOptions" JSONB;
ALTER TABLE "DatasetIngest" ADD COLUMN "csvReading" JSONB;
ALTER TABLE "DatasetIngest" ADD COLUMN "sourceColumns" JSONB;
ALTER TABLE "DatasetIngest" ADD COLUMN "fileColumns" JSONB;
ALTER TABLE "DatasetIngest" ADD COLUMN "blocked" BOOLEAN NOT NULL DEFAULT false;
