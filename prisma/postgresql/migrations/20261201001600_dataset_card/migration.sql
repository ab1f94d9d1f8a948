-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "card" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "cardRevision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cardSearchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchFolding" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DatasetCardRevision" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "card" JSONB NOT NULL,
    "changed" JSONB NOT NULL DEFAULT '[]',
    "dataVersion" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetCardRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DatasetCardRevision_datasetId_number_key" ON "DatasetCardRevision"("datasetId", "number");

-- AddForeignKey
ALTER TABLE "DatasetCardRevision" ADD CONSTRAINT "DatasetCardRevision_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
