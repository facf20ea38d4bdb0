-- A renamed category, cooperative or village rewrites its products' search documents (20261130085827_product_search).
-- Its UPDATE took their rows in the order it found them, while a checkout takes the rows of its products in id
-- order (byte order: lib/server/orders/order-rows.ts byProductId). A rename and a checkout of two of the same
-- products could then each hold one row and wait for the other's: a deadlock, and one of the two rolled back. The
-- rows are now locked first in id order, COLLATE "C" (the ids are ASCII: byte order is JavaScript's code-unit order),
-- and then rewritten.
CREATE OR REPLACE FUNCTION product_search_document_rename() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Category' THEN
    PERFORM 1 FROM "Product" p WHERE p."categoryId" = NEW.id ORDER BY p."id" COLLATE "C" FOR NO KEY UPDATE;
    UPDATE "Product" p SET "searchDocument" = product_search_document(p) WHERE p."categoryId" = NEW.id;
  ELSIF TG_TABLE_NAME = 'Cooperative' THEN
    PERFORM 1 FROM "Product" p WHERE p."cooperativeId" = NEW.id ORDER BY p."id" COLLATE "C" FOR NO KEY UPDATE;
    UPDATE "Product" p SET "searchDocument" = product_search_document(p) WHERE p."cooperativeId" = NEW.id;
  ELSE
    PERFORM 1 FROM "Product" p WHERE p."originVillageId" = NEW.id ORDER BY p."id" COLLATE "C" FOR NO KEY UPDATE;
    UPDATE "Product" p SET "searchDocument" = product_search_document(p) WHERE p."originVillageId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
