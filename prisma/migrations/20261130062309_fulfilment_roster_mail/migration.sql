-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "RefundReason" AS ENUM ('DAMAGED', 'WRONG_ITEM', 'NOT_RECEIVED', 'OTHER');

-- AlterTable
ALTER TABLE "HouseholdParticipation" ADD COLUMN     "endedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status" "MailStatus" NOT NULL DEFAULT 'PENDING';

-- Mail sent before the outbox worker existed is SENT; unsent mail stays PENDING for the worker.
UPDATE "MailMessage" SET "status" = 'SENT' WHERE "sentAt" IS NOT NULL;

-- A participation already ended has no end date on record: the migration's time stands for it.
UPDATE "HouseholdParticipation" SET "endedAt" = CURRENT_TIMESTAMP WHERE "active" = false;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "reasonCode" "RefundReason",
ADD COLUMN     "shipmentId" TEXT;

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "carrierName" TEXT,
ADD COLUMN     "deliveredAutomatically" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RosterImport" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "RosterImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RosterImport_cooperativeId_createdAt_idx" ON "RosterImport"("cooperativeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_dedupeKey_key" ON "MailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "MailMessage_status_nextAttemptAt_idx" ON "MailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Shipment_status_shippedAt_idx" ON "Shipment"("status", "shippedAt");

-- AddForeignKey
ALTER TABLE "RosterImport" ADD CONSTRAINT "RosterImport_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterImport" ADD CONSTRAINT "RosterImport_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
