-- "Totals only" grants: ShareRole is TEXT on SQLite, so the new value needs no change here.
-- AlterTable
ALTER TABLE "Share" ADD COLUMN "minGroupSize" INTEGER NOT NULL DEFAULT 10;
