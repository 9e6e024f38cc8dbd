-- A first sync writes the whole catalog at once: the search index (products_fts) and the barcode
-- lookup (product_barcodes) are then built once at the end rather than row by row. While
-- catalog_search_deferred holds its row the triggers stand aside; whoever clears the row rebuilds
-- both in the same transaction (src/main/store/catalogSearchIndex.ts), and opening a database that
-- still holds it (a crash mid-sync) rebuilds before anything reads the index.
CREATE TABLE `catalog_search_deferred` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `since` text NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `products_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `products_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `products_fts_au`;
--> statement-breakpoint
DROP TRIGGER `product_barcodes_au`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products`
WHEN NOT EXISTS (SELECT 1 FROM catalog_search_deferred) BEGIN
  INSERT INTO products_fts(rowid, name, sku, barcodes) VALUES (new.rowid, new.name, new.sku, new.barcodes);
  INSERT INTO product_barcodes(barcode, product_id, variant_id)
    SELECT new.barcode, new.id, NULL WHERE new.barcode IS NOT NULL AND new.barcode <> ''
    UNION SELECT value, new.id, NULL FROM json_each(new.barcodes) WHERE value IS NOT NULL AND value <> '' AND value IS NOT new.barcode
    UNION SELECT v.value ->> 'barcode', new.id, v.value ->> 'id' FROM json_each(new.variants) AS v WHERE (v.value ->> 'barcode') IS NOT NULL AND (v.value ->> 'barcode') <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products`
WHEN NOT EXISTS (SELECT 1 FROM catalog_search_deferred) BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, sku, barcodes) VALUES ('delete', old.rowid, old.name, old.sku, old.barcodes);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF name, sku, barcodes ON `products`
WHEN NOT EXISTS (SELECT 1 FROM catalog_search_deferred) BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, sku, barcodes) VALUES ('delete', old.rowid, old.name, old.sku, old.barcodes);
  INSERT INTO products_fts(rowid, name, sku, barcodes) VALUES (new.rowid, new.name, new.sku, new.barcodes);
END;
--> statement-breakpoint
CREATE TRIGGER `product_barcodes_au` AFTER UPDATE OF barcode, barcodes, variants ON `products`
WHEN NOT EXISTS (SELECT 1 FROM catalog_search_deferred) BEGIN
  DELETE FROM product_barcodes WHERE product_id = old.id;
  INSERT INTO product_barcodes(barcode, product_id, variant_id)
    SELECT new.barcode, new.id, NULL WHERE new.barcode IS NOT NULL AND new.barcode <> ''
    UNION SELECT value, new.id, NULL FROM json_each(new.barcodes) WHERE value IS NOT NULL AND value <> '' AND value IS NOT new.barcode
    UNION SELECT v.value ->> 'barcode', new.id, v.value ->> 'id' FROM json_each(new.variants) AS v WHERE (v.value ->> 'barcode') IS NOT NULL AND (v.value ->> 'barcode') <> '';
END;
