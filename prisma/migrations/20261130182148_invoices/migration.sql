-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('GENERAL', 'SPECIAL');

-- CreateEnum
CREATE TYPE "InvoiceScope" AS ENUM ('ORDER', 'MONTH');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('REQUESTED', 'ISSUED', 'CANCELLED');

-- CreateTable
CREATE TABLE "InvoiceRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "scope" "InvoiceScope" NOT NULL,
    "orderId" TEXT,
    "month" TEXT,
    "title" TEXT NOT NULL,
    "taxId" TEXT NOT NULL,
    "bankAccount" TEXT,
    "addressPhone" TEXT,
    "amountFen" INTEGER NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'REQUESTED',
    "requestedById" TEXT NOT NULL,
    "invoiceNumber" TEXT,
    "issuedOn" DATE,
    "pdfKey" TEXT,
    "issuedById" TEXT,
    "issuedAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvoiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceRequestOrder" (
    "invoiceRequestId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "netFen" INTEGER NOT NULL,
    "liveOrderId" TEXT,

    CONSTRAINT "InvoiceRequestOrder_pkey" PRIMARY KEY ("invoiceRequestId","orderId")
);

-- CreateIndex
CREATE INDEX "InvoiceRequest_organisationId_createdAt_idx" ON "InvoiceRequest"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "InvoiceRequest_status_createdAt_idx" ON "InvoiceRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceRequestOrder_liveOrderId_key" ON "InvoiceRequestOrder"("liveOrderId");

-- CreateIndex
CREATE INDEX "InvoiceRequestOrder_orderId_idx" ON "InvoiceRequestOrder"("orderId");

-- AddForeignKey
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRequestOrder" ADD CONSTRAINT "InvoiceRequestOrder_invoiceRequestId_fkey" FOREIGN KEY ("invoiceRequestId") REFERENCES "InvoiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRequestOrder" ADD CONSTRAINT "InvoiceRequestOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma's schema has no CHECK constraints): a coverage row's live id is its own order's or none,
-- so the unique index above means "at most one live request per order"; a request's shape matches its scope.
ALTER TABLE "InvoiceRequestOrder" ADD CONSTRAINT "InvoiceRequestOrder_live_is_own_order" CHECK ("liveOrderId" IS NULL OR "liveOrderId" = "orderId");
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_scope_shape" CHECK (("scope" = 'ORDER' AND "orderId" IS NOT NULL AND "month" IS NULL) OR ("scope" = 'MONTH' AND "month" IS NOT NULL AND "orderId" IS NULL));
ALTER TABLE "InvoiceRequest" ADD CONSTRAINT "InvoiceRequest_amount_positive" CHECK ("amountFen" > 0);
