-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchDocument" tsvector;

-- CreateIndex
CREATE INDEX "Product_searchDocument_idx" ON "Product" USING GIN ("searchDocument");

-- The search document (lib/domain/search.ts cuts a query the same way): in each field, every pair of neighbouring
-- Chinese characters at the position of its first character, each Chinese run's last character alone at its
-- position, and each ASCII-lower-cased Latin word or number (cut to 64 characters); fields 8 positions apart, so
-- a phrase never runs from one field into the next. `translate`, not `lower`: the same on every server locale.
CREATE FUNCTION shop_search_document(VARIADIC fields text[]) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  field text;
  run text;
  n int;
  p int := 1;
  parts text[] := '{}';
BEGIN
  FOREACH field IN ARRAY fields LOOP
    CONTINUE WHEN field IS NULL;
    FOR run IN
      SELECT m[1] FROM regexp_matches(
        translate(field, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
        '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+|[a-z0-9]+)', 'g') AS m
    LOOP
      IF run ~ '^[a-z0-9]' THEN
        parts := parts || format('%s:%s', quote_literal(left(run, 64)), least(p, 16383));
        p := p + 1;
      ELSE
        n := char_length(run);
        FOR i IN 1 .. n - 1 LOOP
          parts := parts || format('%s:%s', quote_literal(substr(run, i, 2)), least(p + i - 1, 16383));
        END LOOP;
        parts := parts || format('%s:%s', quote_literal(substr(run, n, 1)), least(p + n - 1, 16383));
        p := p + n;
      END IF;
    END LOOP;
    p := p + 8;
  END LOOP;
  RETURN array_to_string(parts, ' ')::tsvector;
END
$$;

-- The fields the listing's search covers: the product's names and descriptions, its category's, cooperative's and
-- origin village's names.
CREATE FUNCTION product_search_document(p "Product") RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT shop_search_document(p."nameZh", p."nameEn", p."descriptionZh", p."descriptionEn",
                              c."nameZh", c."nameEn", co."nameZh", co."nameEn", v."nameZh", v."nameEn")
  FROM "Category" c, "Cooperative" co, "Village" v
  WHERE c.id = p."categoryId" AND co.id = p."cooperativeId" AND v.id = p."originVillageId"
$$;

CREATE FUNCTION product_search_document_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchDocument" := product_search_document(NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER product_search_document
BEFORE INSERT OR UPDATE OF "nameZh", "nameEn", "descriptionZh", "descriptionEn", "categoryId", "cooperativeId", "originVillageId"
ON "Product" FOR EACH ROW EXECUTE FUNCTION product_search_document_refresh();

-- A renamed category, cooperative or village: its products' documents hold the old name.
CREATE FUNCTION product_search_document_rename() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Category' THEN
    UPDATE "Product" p SET "searchDocument" = product_search_document(p) WHERE p."categoryId" = NEW.id;
  ELSIF TG_TABLE_NAME = 'Cooperative' THEN
    UPDATE "Product" p SET "searchDocument" = product_search_document(p) WHERE p."cooperativeId" = NEW.id;
  ELSE
    UPDATE "Product" p SET "searchDocument" = product_search_document(p) WHERE p."originVillageId" = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER product_search_document_rename
AFTER UPDATE OF "nameZh", "nameEn" ON "Category" FOR EACH ROW
WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
EXECUTE FUNCTION product_search_document_rename();

CREATE TRIGGER product_search_document_rename
AFTER UPDATE OF "nameZh", "nameEn" ON "Cooperative" FOR EACH ROW
WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
EXECUTE FUNCTION product_search_document_rename();

CREATE TRIGGER product_search_document_rename
AFTER UPDATE OF "nameZh", "nameEn" ON "Village" FOR EACH ROW
WHEN (OLD."nameZh" IS DISTINCT FROM NEW."nameZh" OR OLD."nameEn" IS DISTINCT FROM NEW."nameEn")
EXECUTE FUNCTION product_search_document_rename();

-- The products already there.
UPDATE "Product" p SET "searchDocument" = product_search_document(p);
