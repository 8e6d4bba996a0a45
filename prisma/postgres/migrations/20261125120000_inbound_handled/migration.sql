-- AlterTable
ALTER TABLE "InboundActivity" ADD COLUMN     "handledAt" TIMESTAMP(3);


-- Activities recorded before this column were handled.
UPDATE "InboundActivity" SET "handledAt" = "receivedAt";
