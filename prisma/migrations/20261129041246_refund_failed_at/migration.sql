-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "failedAt" TIMESTAMP(3);
