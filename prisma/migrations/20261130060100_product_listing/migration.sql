-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'ON_SALE', 'OFF_SALE', 'REJECTED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "StockReason" AS ENUM ('RECEIVED', 'STOCKTAKE', 'DAMAGE');

-- AlterEnum
ALTER TYPE "CertificationStatus" ADD VALUE 'EXPIRED';

-- AlterTable: batches recorded before trace pages get a random code (40 bits of md5 over random(), hex).
ALTER TABLE "Batch" ADD COLUMN     "traceCode" TEXT;
UPDATE "Batch" SET "traceCode" = substr(md5(random()::text || "id"), 1, 10);
ALTER TABLE "Batch" ALTER COLUMN "traceCode" SET NOT NULL;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "certificateValidFrom" DATE,
ADD COLUMN     "certificateValidUntil" DATE,
ADD COLUMN     "listingStatus" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "lowStockThreshold" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- Products listed before the listing workflow: a certified one stays on sale, its certificate valid from its
-- certification until a year after this migration (no validity was recorded; nothing goes off sale on deploy);
-- a revoked one is off sale; a pending one waits in the review queue.
UPDATE "Product" SET
  "listingStatus" = (CASE "certificationStatus"::text WHEN 'CERTIFIED' THEN 'ON_SALE' WHEN 'REVOKED' THEN 'OFF_SALE' ELSE 'IN_REVIEW' END)::"ListingStatus",
  "submittedAt" = CASE WHEN "certificationStatus"::text = 'PENDING' THEN "createdAt" END,
  "certificateValidFrom" = CASE WHEN "certificationStatus"::text = 'CERTIFIED' THEN COALESCE("certifiedAt", CURRENT_TIMESTAMP)::date END,
  "certificateValidUntil" = CASE WHEN "certificationStatus"::text = 'CERTIFIED' THEN (CURRENT_DATE + interval '1 year')::date END;

-- AlterTable
ALTER TABLE "ProductImage" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "storageKey" TEXT,
ADD COLUMN     "width" INTEGER;

-- CreateTable
CREATE TABLE "StockMovement" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "reason" "StockReason" NOT NULL,
    "delta" INTEGER NOT NULL,
    "stockAfter" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockMovement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StockMovement_productId_createdAt_idx" ON "StockMovement"("productId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_traceCode_key" ON "Batch"("traceCode");

-- CreateIndex
CREATE INDEX "Product_listingStatus_submittedAt_idx" ON "Product"("listingStatus", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProductImage_storageKey_key" ON "ProductImage"("storageKey");

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
