-- The search index (migration 20261130085827_product_search) takes a product's pairs when the product is written,
-- instead of queueing them in GIN's pending list (fastupdate, the default): every search reads that list entry by
-- entry until a vacuum or 4 MB of queued entries merges it, and a search must not get slower between vacuums.
-- Catalog writes are rare; searches are not. The entries already queued are merged here.
ALTER INDEX "Product_searchDocument_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Product_searchDocument_idx"'::regclass);
