-- AlterTable
ALTER TABLE "Theme" ADD COLUMN "approver" TEXT;

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "ref" TEXT,
    "period" TEXT,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT
);

-- CreateTable
CREATE TABLE "ReturnReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "measureId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "comment" TEXT
);

-- CreateTable
CREATE TABLE "PeriodState" (
    "partnershipId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,

    PRIMARY KEY ("partnershipId", "period")
);

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_ref_at_idx" ON "AuditEvent"("partnershipId", "ref", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_at_idx" ON "AuditEvent"("partnershipId", "at");

-- CreateIndex
CREATE INDEX "ReturnReview_measureId_period_idx" ON "ReturnReview"("measureId", "period");

