CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`action` text NOT NULL,
	`employee_id` text,
	`approved_by` text,
	`subject_id` text,
	`details` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_created_idx` ON `audit_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`shift_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reason` text NOT NULL,
	`employee_id` text NOT NULL,
	`approved_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cash_movements_shift_idx` ON `cash_movements` (`shift_id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`note` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`phone`);--> statement-breakpoint
CREATE TABLE `employees` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `parked_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`cart` text NOT NULL,
	`item_count` integer NOT NULL,
	`employee_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_barcodes` (
	`barcode` text NOT NULL,
	`product_id` text NOT NULL,
	`variant_id` text,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_barcodes_barcode_idx` ON `product_barcodes` (`barcode`);--> statement-breakpoint
CREATE INDEX `product_barcodes_product_idx` ON `product_barcodes` (`product_id`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`register_code` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`opening_cash_cents` integer NOT NULL,
	`status` text NOT NULL,
	`closed_by` text,
	`closed_at` text,
	`expected_cash_cents` integer,
	`counted_cash_cents` integer,
	`difference_cents` integer,
	`cash_count` text,
	`z_report` text
);
--> statement-breakpoint
CREATE INDEX `shifts_status_idx` ON `shifts` (`status`,`device_id`);--> statement-breakpoint
ALTER TABLE `order_items` ADD `variant_id` text;--> statement-breakpoint
ALTER TABLE `order_items` ADD `variant_name` text;--> statement-breakpoint
ALTER TABLE `order_items` ADD `modifiers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `note` text;--> statement-breakpoint
ALTER TABLE `order_items` ADD `refund_of_item_id` text;--> statement-breakpoint
ALTER TABLE `order_items` ADD `weight_grams` integer;--> statement-breakpoint
CREATE INDEX `order_items_refund_of_idx` ON `order_items` (`refund_of_item_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `kind` text DEFAULT 'SALE' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `refund_of_order_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `employee_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `shift_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `customer_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `note` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `refund_reason` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `late_for_shift` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_refund_of_idx` ON `orders` (`refund_of_order_id`);--> statement-breakpoint
CREATE INDEX `orders_shift_idx` ON `orders` (`shift_id`);--> statement-breakpoint
ALTER TABLE `payments` ADD `tender_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `label` text;--> statement-breakpoint
ALTER TABLE `products` ADD `barcodes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `variants` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `modifier_groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `track_stock` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `pricing_unit` text DEFAULT 'each' NOT NULL;--> statement-breakpoint
ALTER TABLE `store_settings` ADD `options` text DEFAULT '{}' NOT NULL;