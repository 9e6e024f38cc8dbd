-- Full-text search over name, SKU and barcodes (FTS5, external content on products), and the
-- barcode lookup table, both kept by triggers so every write path keeps them right.
-- Before the triggers exist: an external-content FTS5 'delete' of a row it never indexed corrupts it.
UPDATE `products` SET `barcodes` = json_array(`barcode`) WHERE `barcode` IS NOT NULL AND `barcodes` = '[]';
--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts` USING fts5(name, sku, barcodes, content='products', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE TRIGGER `products_fts_ai` AFTER INSERT ON `products` BEGIN
  INSERT INTO products_fts(rowid, name, sku, barcodes) VALUES (new.rowid, new.name, new.sku, new.barcodes);
  INSERT INTO product_barcodes(barcode, product_id, variant_id)
    SELECT new.barcode, new.id, NULL WHERE new.barcode IS NOT NULL AND new.barcode <> ''
    UNION SELECT value, new.id, NULL FROM json_each(new.barcodes) WHERE value IS NOT NULL AND value <> '' AND value IS NOT new.barcode
    UNION SELECT v.value ->> 'barcode', new.id, v.value ->> 'id' FROM json_each(new.variants) AS v WHERE (v.value ->> 'barcode') IS NOT NULL AND (v.value ->> 'barcode') <> '';
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_ad` AFTER DELETE ON `products` BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, sku, barcodes) VALUES ('delete', old.rowid, old.name, old.sku, old.barcodes);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_au` AFTER UPDATE OF name, sku, barcodes ON `products` BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, sku, barcodes) VALUES ('delete', old.rowid, old.name, old.sku, old.barcodes);
  INSERT INTO products_fts(rowid, name, sku, barcodes) VALUES (new.rowid, new.name, new.sku, new.barcodes);
END;
--> statement-breakpoint
CREATE TRIGGER `product_barcodes_au` AFTER UPDATE OF barcode, barcodes, variants ON `products` BEGIN
  DELETE FROM product_barcodes WHERE product_id = old.id;
  INSERT INTO product_barcodes(barcode, product_id, variant_id)
    SELECT new.barcode, new.id, NULL WHERE new.barcode IS NOT NULL AND new.barcode <> ''
    UNION SELECT value, new.id, NULL FROM json_each(new.barcodes) WHERE value IS NOT NULL AND value <> '' AND value IS NOT new.barcode
    UNION SELECT v.value ->> 'barcode', new.id, v.value ->> 'id' FROM json_each(new.variants) AS v WHERE (v.value ->> 'barcode') IS NOT NULL AND (v.value ->> 'barcode') <> '';
END;
--> statement-breakpoint
INSERT INTO `products_fts`(`products_fts`) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO `product_barcodes`(`barcode`, `product_id`, `variant_id`)
  SELECT `barcode`, `id`, NULL FROM `products` WHERE `barcode` IS NOT NULL AND `barcode` <> '';
