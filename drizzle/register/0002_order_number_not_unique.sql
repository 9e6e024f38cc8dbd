DROP INDEX `orders_order_number_unique`;--> statement-breakpoint
CREATE INDEX `orders_order_number_idx` ON `orders` (`order_number`);