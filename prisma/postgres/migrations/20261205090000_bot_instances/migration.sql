-- AlterTable
ALTER TABLE "InboundActivity" ADD COLUMN     "claimedBy" TEXT;

-- CreateTable
CREATE TABLE "BotInstance" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,
    "beats" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BotInstance_pkey" PRIMARY KEY ("id")
);

