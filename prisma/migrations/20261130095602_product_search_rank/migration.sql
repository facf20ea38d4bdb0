-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchRankDocument" tsvector;

-- What a search ranks by: the product's own names, cut as the search document is (migration
-- 20261130085827_product_search). Ranking reads the document of every match before the top twelve are known; this
-- one is ~100 bytes, stored inline, where the whole document is ~1.3 KB, compressed.
CREATE OR REPLACE FUNCTION product_search_document_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchDocument" := product_search_document(NEW);
  NEW."searchRankDocument" := shop_search_document(NEW."nameZh", NEW."nameEn");
  RETURN NEW;
END
$$;

UPDATE "Product" SET "searchRankDocument" = shop_search_document("nameZh", "nameEn");
