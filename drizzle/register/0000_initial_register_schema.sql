CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`color` text,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `device_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`register_code` text NOT NULL,
	`fingerprint` text,
	`last_order_seq` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "device_identity_single_row" CHECK("device_identity"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`order_id` text NOT NULL,
	`line_number` integer NOT NULL,
	`product_id` text,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`quantity` integer NOT NULL,
	`tax_rate_basis_points` integer NOT NULL,
	`discount_cents` integer DEFAULT 0 NOT NULL,
	`net_cents` integer NOT NULL,
	`tax_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_items_order_idx` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`order_number` text NOT NULL,
	`client_request_id` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`item_count` integer NOT NULL,
	`subtotal_cents` integer NOT NULL,
	`discount_cents` integer NOT NULL,
	`tax_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`cash_rounding_cents` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_order_number_unique` ON `orders` (`order_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_client_request_unique` ON `orders` (`client_request_id`);--> statement-breakpoint
CREATE INDEX `orders_created_idx` ON `orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`operation` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_state_idx` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`order_id` text NOT NULL,
	`method` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`tendered_cents` integer NOT NULL,
	`change_cents` integer DEFAULT 0 NOT NULL,
	`reference_number` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_order_idx` ON `payments` (`order_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`sku` text NOT NULL,
	`barcode` text,
	`name` text NOT NULL,
	`price_cents` integer NOT NULL,
	`category_id` text,
	`tax_rate_id` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_barcode_idx` ON `products` (`barcode`);--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category_id`);--> statement-breakpoint
CREATE TABLE `store_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`store_name` text NOT NULL,
	`store_code` text NOT NULL,
	`currency` text NOT NULL,
	`locale` text NOT NULL,
	`prices_include_tax` integer NOT NULL,
	`tax_rounding` text NOT NULL,
	`rounding_mode` text NOT NULL,
	`cash_rounding_increment_cents` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "store_settings_single_row" CHECK("store_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`rate_basis_points` integer NOT NULL,
	`is_default` integer DEFAULT false NOT NULL
);
