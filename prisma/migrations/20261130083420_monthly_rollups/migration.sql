-- AlterEnum
ALTER TYPE "RollupDimension" ADD VALUE 'PRODUCT';

-- CreateTable
CREATE TABLE "SalesMonthlyRollup" (
    "dimension" "RollupDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "revenueFen" BIGINT NOT NULL DEFAULT 0,
    "householdBenefitFen" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SalesMonthlyRollup_pkey" PRIMARY KEY ("dimension","key","month")
);

-- CreateTable
CREATE TABLE "HouseholdMonthlyIncome" (
    "dimension" "RollupDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "amountFen" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HouseholdMonthlyIncome_pkey" PRIMARY KEY ("dimension","key","householdId","month")
);

-- CreateTable
CREATE TABLE "BuyerMonthlyOrders" (
    "key" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "buyerId" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "BuyerMonthlyOrders_pkey" PRIMARY KEY ("key","month","buyerId")
);

-- CreateIndex
CREATE INDEX "SalesMonthlyRollup_month_idx" ON "SalesMonthlyRollup"("month");

-- CreateIndex
CREATE INDEX "HouseholdMonthlyIncome_dimension_month_idx" ON "HouseholdMonthlyIncome"("dimension", "month");

-- CreateIndex
CREATE INDEX "HouseholdMonthlyIncome_householdId_month_idx" ON "HouseholdMonthlyIncome"("householdId", "month");

-- CreateIndex
CREATE INDEX "BuyerMonthlyOrders_buyerId_idx" ON "BuyerMonthlyOrders"("buyerId");

-- AddForeignKey
ALTER TABLE "HouseholdMonthlyIncome" ADD CONSTRAINT "HouseholdMonthlyIncome_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BuyerMonthlyOrders" ADD CONSTRAINT "BuyerMonthlyOrders_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
