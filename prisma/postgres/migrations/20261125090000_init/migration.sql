-- CreateTable
CREATE TABLE "Partnership" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "slackId" TEXT,
    "teamsId" TEXT,
    "role" TEXT NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "approver" TEXT,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Return" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "figures" TEXT,
    "narrative" TEXT NOT NULL DEFAULT '',
    "correctiveAction" TEXT,
    "notAvailable" TEXT,
    "expectedDate" TEXT,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "requestKey" TEXT,

    CONSTRAINT "Return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Override" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "rag" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundActivity" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InboundActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationRef" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationRef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
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
    "notBefore" TIMESTAMP(3) NOT NULL,
    "claimToken" TEXT,
    "claimedAt" TIMESTAMP(3),
    "channel" TEXT,
    "providerId" TEXT,
    "lastError" TEXT,
    "waiting" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSnooze" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "person" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "until" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSnooze_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "delegate" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderControl" (
    "partnershipId" INTEGER NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "changedBy" TEXT,
    "changedAt" TIMESTAMP(3),
    "lastTickAt" TIMESTAMP(3),

    CONSTRAINT "ReminderControl_pkey" PRIMARY KEY ("partnershipId")
);

-- CreateTable
CREATE TABLE "ServerSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServerSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "ref" TEXT,
    "period" TEXT,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReturnReview" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "comment" TEXT,

    CONSTRAINT "ReturnReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodState" (
    "partnershipId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "PeriodState_pkey" PRIMARY KEY ("partnershipId","period")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");

-- CreateIndex
CREATE INDEX "Person_slackId_idx" ON "Person"("slackId");

-- CreateIndex
CREATE INDEX "Person_teamsId_idx" ON "Person"("teamsId");

-- CreateIndex
CREATE INDEX "Person_email_idx" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_partnershipId_key_key" ON "Person"("partnershipId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_partnershipId_key_key" ON "Theme"("partnershipId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_partnershipId_ref_key" ON "Measure"("partnershipId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "Return_requestKey_key" ON "Return"("requestKey");

-- CreateIndex
CREATE INDEX "Return_measureId_periodEnd_idx" ON "Return"("measureId", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Return_measureId_period_revision_key" ON "Return"("measureId", "period", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "Override_measureId_period_key" ON "Override"("measureId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "InboundActivity_key_key" ON "InboundActivity"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationRef_platform_partnershipId_kind_target_key" ON "ConversationRef"("platform", "partnershipId", "kind", "target");

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

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_ref_at_idx" ON "AuditEvent"("partnershipId", "ref", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_at_idx" ON "AuditEvent"("partnershipId", "at");

-- CreateIndex
CREATE INDEX "ReturnReview_measureId_period_idx" ON "ReturnReview"("measureId", "period");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Return" ADD CONSTRAINT "Return_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Override" ADD CONSTRAINT "Override_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

