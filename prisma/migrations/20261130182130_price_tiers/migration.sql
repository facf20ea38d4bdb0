-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "minOrderQuantity" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "priceTiers" JSONB NOT NULL DEFAULT '[]';

-- Written by hand (Prisma has no CHECK constraints): what lib/domain/price-tiers.ts allows, as a backstop for a
-- write that skipped it. The tiers are a JSON array of at most 5; the minimum order quantity 1 to 10,000.
ALTER TABLE "Product" ADD CONSTRAINT "Product_priceTiers_array" CHECK (jsonb_typeof("priceTiers") = 'array' AND jsonb_array_length("priceTiers") <= 5);
ALTER TABLE "Product" ADD CONSTRAINT "Product_minOrderQuantity_range" CHECK ("minOrderQuantity" BETWEEN 1 AND 10000);
