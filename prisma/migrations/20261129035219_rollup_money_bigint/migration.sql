-- AlterTable
ALTER TABLE "SalesDailyRollup" ALTER COLUMN "revenueFen" SET DATA TYPE BIGINT,
ALTER COLUMN "householdBenefitFen" SET DATA TYPE BIGINT;
