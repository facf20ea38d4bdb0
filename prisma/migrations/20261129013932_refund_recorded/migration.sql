-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "recorded" BOOLEAN NOT NULL DEFAULT false;

-- Hand-written: refunds that had already succeeded were counted in their order's refundedFen.
UPDATE "Refund" SET "recorded" = true WHERE "status" = 'SUCCEEDED';
