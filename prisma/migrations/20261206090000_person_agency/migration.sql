-- AlterTable
ALTER TABLE "Person" ADD COLUMN "agency" TEXT;
