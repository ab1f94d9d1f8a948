-- CreateTable
CREATE TABLE "DatasetCardRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "datasetId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "card" JSONB NOT NULL,
    "changed" JSONB NOT NULL DEFAULT '[]',
    "dataVersion" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DatasetCardRevision_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN "searchFolding" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Dataset" ADD COLUMN "card" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Dataset" ADD COLUMN "cardRevision" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Dataset" ADD COLUMN "cardSearchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "DatasetCardRevision_datasetId_number_key" ON "DatasetCardRevision"("datasetId", "number");
