-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN "planVersion" INTEGER NOT NULL DEFAULT 0;
