-- Fills the rollups added by 20261130083420_monthly_rollups from what the ledger already holds (a separate
-- migration: PostgreSQL cannot use an enum value in the transaction that added it). The same rows the ledger's
-- writer would have written; `npm run ledger:check` compares them with the ledger.

-- Sales per product and day, from the ledger: orders count once per order and key, on its payment's entries.
INSERT INTO "SalesDailyRollup" ("dimension", "key", "day", "orders", "units", "revenueFen", "householdBenefitFen")
SELECT 'PRODUCT', i."productId", l."day",
       COUNT(DISTINCT l."orderId") FILTER (WHERE l."idempotencyKey" LIKE 'paid:%'),
       COALESCE(SUM(l."units"), 0),
       COALESCE(SUM(l."amountFen"), 0),
       COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0)
FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId"
GROUP BY i."productId", l."day";

-- Every daily sales row summed per month.
INSERT INTO "SalesMonthlyRollup" ("dimension", "key", "month", "orders", "units", "revenueFen", "householdBenefitFen")
SELECT "dimension", "key", date_trunc('month', "day"::timestamp)::date, SUM("orders"), SUM("units"), SUM("revenueFen"), SUM("householdBenefitFen")
FROM "SalesDailyRollup"
GROUP BY 1, 2, 3;

-- Household income per month along each dimension.
INSERT INTO "HouseholdMonthlyIncome" ("dimension", "key", "householdId", "month", "amountFen")
SELECT d."dimension"::"RollupDimension", d."key", h."householdId", date_trunc('month', h."day"::timestamp)::date, SUM(h."amountFen")
FROM "HouseholdDailyIncome" h
CROSS JOIN LATERAL (VALUES ('VILLAGE', h."villageId"), ('COOPERATIVE', h."cooperativeId"), ('CATEGORY', h."categoryId"), ('TOTAL', '')) AS d("dimension", "key")
GROUP BY 1, 2, 3, 4;

-- Buyers per month: each paid order once for the county and once per cooperative it bought from.
INSERT INTO "BuyerMonthlyOrders" ("key", "month", "buyerId", "orders")
SELECT k."key", date_trunc('month', l."day"::timestamp)::date, o."buyerId", COUNT(DISTINCT l."orderId")
FROM "LedgerEntry" l
JOIN "Order" o ON o."id" = l."orderId"
CROSS JOIN LATERAL (VALUES (''), (l."cooperativeId")) AS k("key")
WHERE l."idempotencyKey" LIKE 'paid:%'
GROUP BY 1, 2, 3;
