-- AlterTable
ALTER TABLE "InboundActivity" ADD COLUMN "handledAt" DATETIME;


-- Activities recorded before this column were handled.
UPDATE "InboundActivity" SET "handledAt" = "receivedAt";
