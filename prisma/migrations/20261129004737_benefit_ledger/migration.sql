-- The benefit ledger (issue 5). No ledger rows existed before this migration (nothing wrote them), so the NOT NULL
-- columns are added without defaults; orders paid earlier are back-filled by `npm run ledger:backfill`.

-- CreateEnum
CREATE TYPE "RollupDimension" AS ENUM ('VILLAGE', 'COOPERATIVE', 'CATEGORY', 'TOTAL');

-- DropForeignKey
ALTER TABLE "HouseholdMonthlyIncome" DROP CONSTRAINT "HouseholdMonthlyIncome_cooperativeId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdMonthlyIncome" DROP CONSTRAINT "HouseholdMonthlyIncome_householdId_fkey";

-- DropForeignKey
ALTER TABLE "SalesMonthlyRollup" DROP CONSTRAINT "SalesMonthlyRollup_categoryId_fkey";

-- DropForeignKey
ALTER TABLE "SalesMonthlyRollup" DROP CONSTRAINT "SalesMonthlyRollup_cooperativeId_fkey";

-- DropIndex
DROP INDEX "LedgerEntry_categoryId_month_idx";

-- DropIndex
DROP INDEX "LedgerEntry_cooperativeId_month_idx";

-- DropIndex
DROP INDEX "LedgerEntry_householdId_month_idx";

-- DropIndex
DROP INDEX "LedgerEntry_villageId_month_idx";

-- AlterTable
ALTER TABLE "LedgerEntry" DROP COLUMN "month",
ADD COLUMN     "day" DATE NOT NULL,
ADD COLUMN     "orderId" TEXT NOT NULL;

-- DropTable
DROP TABLE "HouseholdMonthlyIncome";

-- DropTable
DROP TABLE "SalesMonthlyRollup";

-- CreateTable
CREATE TABLE "SalesDailyRollup" (
    "dimension" "RollupDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "revenueFen" INTEGER NOT NULL DEFAULT 0,
    "householdBenefitFen" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SalesDailyRollup_pkey" PRIMARY KEY ("dimension","key","day")
);

-- CreateTable
CREATE TABLE "HouseholdDailyIncome" (
    "householdId" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "amountFen" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HouseholdDailyIncome_pkey" PRIMARY KEY ("householdId","cooperativeId","villageId","categoryId","day")
);

-- CreateIndex
CREATE INDEX "SalesDailyRollup_day_idx" ON "SalesDailyRollup"("day");

-- CreateIndex
CREATE INDEX "HouseholdDailyIncome_cooperativeId_day_idx" ON "HouseholdDailyIncome"("cooperativeId", "day");

-- CreateIndex
CREATE INDEX "HouseholdDailyIncome_day_idx" ON "HouseholdDailyIncome"("day");

-- CreateIndex
CREATE INDEX "LedgerEntry_orderId_idx" ON "LedgerEntry"("orderId");

-- CreateIndex
CREATE INDEX "LedgerEntry_cooperativeId_day_idx" ON "LedgerEntry"("cooperativeId", "day");

-- CreateIndex
CREATE INDEX "LedgerEntry_householdId_day_idx" ON "LedgerEntry"("householdId", "day");

-- CreateIndex
CREATE INDEX "LedgerEntry_villageId_day_idx" ON "LedgerEntry"("villageId", "day");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdDailyIncome" ADD CONSTRAINT "HouseholdDailyIncome_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdDailyIncome" ADD CONSTRAINT "HouseholdDailyIncome_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the ledger is append-only. Updates and deletes of its rows are refused by the database itself,
-- whatever the application does.
CREATE FUNCTION "ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerEntry is append-only: % refused (write a reversing entry instead)', TG_OP;
END;
$$;

CREATE TRIGGER "LedgerEntry_append_only"
  BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();

CREATE TRIGGER "LedgerEntry_no_truncate"
  BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entry_append_only"();
