-- CreateEnum
CREATE TYPE "MonitoringRule" AS ENUM ('NO_INCOME_3M', 'QUARTER_DROP', 'BELOW_LINE');

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('OPEN', 'KEPT', 'RESOLVED');

-- CreateEnum
CREATE TYPE "FollowUpKind" AS ENUM ('VISITED', 'ACTION', 'NOTE');

-- AlterEnum
ALTER TYPE "SettlementStatus" ADD VALUE 'DISPUTED';

-- AlterTable
ALTER TABLE "Settlement" ADD COLUMN     "adjustmentsFen" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "disputeNote" TEXT,
ADD COLUMN     "disputedAt" TIMESTAMP(3),
ADD COLUMN     "paidOn" DATE,
ADD COLUMN     "refundsFen" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "salesFen" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MonitoringFlag" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "rule" "MonitoringRule" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "status" "FlagStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "MonitoringFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringFollowUp" (
    "id" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" "FollowUpKind" NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ManagerInvite" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManagerInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringFlag_status_createdAt_idx" ON "MonitoringFlag"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringFlag_householdId_rule_periodKey_key" ON "MonitoringFlag"("householdId", "rule", "periodKey");

-- CreateIndex
CREATE INDEX "MonitoringFollowUp_flagId_createdAt_idx" ON "MonitoringFollowUp"("flagId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ManagerInvite_tokenHash_key" ON "ManagerInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "ManagerInvite_email_idx" ON "ManagerInvite"("email");

-- CreateIndex
CREATE INDEX "Settlement_status_periodStart_idx" ON "Settlement"("status", "periodStart");

-- AddForeignKey
ALTER TABLE "MonitoringFlag" ADD CONSTRAINT "MonitoringFlag_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringFollowUp" ADD CONSTRAINT "MonitoringFollowUp_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "MonitoringFlag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringFollowUp" ADD CONSTRAINT "MonitoringFollowUp_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagerInvite" ADD CONSTRAINT "ManagerInvite_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
