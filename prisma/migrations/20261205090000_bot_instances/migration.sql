-- AlterTable
ALTER TABLE "InboundActivity" ADD COLUMN "claimedBy" TEXT;

-- CreateTable
CREATE TABLE "BotInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "seenAt" DATETIME NOT NULL,
    "beats" INTEGER NOT NULL DEFAULT 0
);

