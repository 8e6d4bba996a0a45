-- CreateTable
CREATE TABLE "PlanYear" (
    "partnershipId" INTEGER NOT NULL,
    "year" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,

    PRIMARY KEY ("partnershipId", "year")
);

-- CreateTable
CREATE TABLE "BoardSnapshot" (
    "partnershipId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "seen" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL,

    PRIMARY KEY ("partnershipId", "period", "ref")
);
