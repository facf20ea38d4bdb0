-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "CartItem_productId_idx" ON "CartItem"("productId");

-- CreateIndex
CREATE INDEX "Cooperative_enterpriseId_idx" ON "Cooperative"("enterpriseId");

-- CreateIndex
CREATE INDEX "ManagerInvite_cooperativeId_idx" ON "ManagerInvite"("cooperativeId");

-- CreateIndex
CREATE INDEX "MonitoringFollowUp_actorId_idx" ON "MonitoringFollowUp"("actorId");

-- CreateIndex
CREATE INDEX "OrderItem_shipmentId_idx" ON "OrderItem"("shipmentId");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE INDEX "Refund_shipmentId_idx" ON "Refund"("shipmentId");

-- CreateIndex
CREATE INDEX "RosterImport_actorId_idx" ON "RosterImport"("actorId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "StockMovement_actorId_idx" ON "StockMovement"("actorId");
