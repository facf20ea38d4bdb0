-- CreateEnum
CREATE TYPE "GiftListStatus" AS ENUM ('DRAFT', 'PLACED', 'DISCARDED');

-- DropIndex
DROP INDEX "Shipment_orderId_cooperativeId_key";

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "district" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "recipient" TEXT,
ADD COLUMN     "recipientNo" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "street" TEXT;

-- CreateTable
CREATE TABLE "GiftList" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "recipients" JSONB NOT NULL,
    "errors" JSONB NOT NULL,
    "totals" JSONB NOT NULL,
    "status" "GiftListStatus" NOT NULL DEFAULT 'DRAFT',
    "orderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "placedAt" TIMESTAMP(3),

    CONSTRAINT "GiftList_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GiftList_orderId_key" ON "GiftList"("orderId");

-- CreateIndex
CREATE INDEX "GiftList_organisationId_createdAt_idx" ON "GiftList"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_orderId_cooperativeId_recipientNo_key" ON "Shipment"("orderId", "cooperativeId", "recipientNo");

-- AddForeignKey
ALTER TABLE "GiftList" ADD CONSTRAINT "GiftList_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftList" ADD CONSTRAINT "GiftList_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
