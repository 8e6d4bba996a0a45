-- AlterTable
ALTER TABLE "Person" ADD COLUMN "prefer" TEXT;

-- CreateTable
CREATE TABLE "ReturnLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnershipId" INTEGER NOT NULL,
    "person" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedBy" TEXT
);

-- CreateIndex
CREATE INDEX "ReturnLink_partnershipId_ref_idx" ON "ReturnLink"("partnershipId", "ref");
