CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`resolution` text NOT NULL,
	`server_conflict_id` text,
	`local_data` text,
	`server_data` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`server_url` text,
	`store_id` text,
	`tenant_id` text,
	`access_token` text,
	`refresh_token` text,
	`access_token_expires_at` text,
	`enrolled_fingerprint` text,
	`is_revoked` integer DEFAULT false NOT NULL,
	`pull_cursor` text,
	`last_success_at` text,
	`last_error` text,
	`last_error_at` text,
	`updated_at` text NOT NULL,
	CONSTRAINT "sync_state_single_row" CHECK("sync_state"."id" = 1)
);
