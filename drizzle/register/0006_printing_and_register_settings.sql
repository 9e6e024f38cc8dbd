CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`order_id` text,
	`printer_id` text NOT NULL,
	`is_copy` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text,
	`created_at` text NOT NULL,
	`printed_at` text,
	`done_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_jobs_original_unique` ON `print_jobs` (`order_id`,`kind`,`printer_id`) WHERE "print_jobs"."is_copy" = 0 AND "print_jobs"."order_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `print_jobs_status_idx` ON `print_jobs` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `register_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "register_settings_single_row" CHECK("register_settings"."id" = 1)
);
