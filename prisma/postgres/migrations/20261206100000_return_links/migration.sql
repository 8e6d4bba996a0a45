-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "prefer" TEXT;

-- CreateTable
CREATE TABLE "ReturnLink" (
    "id" TEXT NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "person" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,

    CONSTRAINT "ReturnLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReturnLink_partnershipId_ref_idx" ON "ReturnLink"("partnershipId", "ref");

