-- CreateTable
CREATE TABLE "InboundActivity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConversationRef" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundActivity_key_key" ON "InboundActivity"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationRef_platform_partnershipId_kind_target_key" ON "ConversationRef"("platform", "partnershipId", "kind", "target");

