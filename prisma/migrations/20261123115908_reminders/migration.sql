-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "ref" TEXT,
    "period" TEXT,
    "stage" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME NOT NULL,
    "claimToken" TEXT,
    "claimedAt" DATETIME,
    "channel" TEXT,
    "providerId" TEXT,
    "lastError" TEXT,
    "waiting" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "ReminderSnooze" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "person" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "until" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "delegate" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReminderControl" (
    "partnershipId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "changedBy" TEXT,
    "changedAt" DATETIME,
    "lastTickAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboxMessage_partnershipId_recipient_status_idx" ON "OutboxMessage"("partnershipId", "recipient", "status");

-- CreateIndex
CREATE INDEX "OutboxMessage_claimToken_idx" ON "OutboxMessage"("claimToken");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSnooze_partnershipId_person_ref_period_key" ON "ReminderSnooze"("partnershipId", "person", "ref", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Delegation_partnershipId_ref_key" ON "Delegation"("partnershipId", "ref");

