CREATE TABLE `store_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sync_version` integer DEFAULT 1 NOT NULL,
	`server_hash` text,
	`sync_status` text DEFAULT 'PENDING' NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`options` text DEFAULT '{}' NOT NULL
);
