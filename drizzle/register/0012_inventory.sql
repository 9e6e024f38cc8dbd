CREATE TABLE `purchase_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reorder_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`product_id` text NOT NULL,
	`variant_id` text DEFAULT '' NOT NULL,
	`reorder_point_milli` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reorder_rules_product_idx` ON `reorder_rules` (`product_id`,`variant_id`);--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`product_id` text NOT NULL,
	`variant_id` text DEFAULT '' NOT NULL,
	`on_hand_milli` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`product_id`, `variant_id`)
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`reason` text,
	`ref_id` text,
	`employee_id` text,
	`approved_by` text,
	`note` text,
	`created_at` text NOT NULL,
	`lines` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_movements_created_idx` ON `stock_movements` (`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_ref_idx` ON `stock_movements` (`ref_id`);--> statement-breakpoint
CREATE TABLE `stock_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `supplier_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `supplier_products` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL
);
