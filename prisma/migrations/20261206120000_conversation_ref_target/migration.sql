-- CreateIndex
CREATE INDEX "ConversationRef_partnershipId_kind_target_idx" ON "ConversationRef"("partnershipId", "kind", "target");

