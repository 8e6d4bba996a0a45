-- CreateTable
CREATE TABLE "Partnership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "slackId" TEXT,
    "teamsId" TEXT,
    "role" TEXT NOT NULL,
    CONSTRAINT "Person_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Theme_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "ref" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    CONSTRAINT "Measure_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Return" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "submittedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "requestKey" TEXT,
    CONSTRAINT "Return_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Override" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "measureId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "rag" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL,
    CONSTRAINT "Override_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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

