-- CreateTable
CREATE TABLE "PlanYear" (
    "partnershipId" INTEGER NOT NULL,
    "year" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "channel" TEXT NOT NULL,

    CONSTRAINT "PlanYear_pkey" PRIMARY KEY ("partnershipId","year")
);

-- CreateTable
CREATE TABLE "BoardSnapshot" (
    "partnershipId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "seen" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BoardSnapshot_pkey" PRIMARY KEY ("partnershipId","period","ref")
);

