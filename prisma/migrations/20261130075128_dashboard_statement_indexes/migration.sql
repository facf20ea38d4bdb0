-- CreateIndex
CREATE INDEX "LedgerEntry_day_idx" ON "LedgerEntry"("day");

-- CreateIndex
CREATE INDEX "Order_paidAt_idx" ON "Order"("paidAt");
