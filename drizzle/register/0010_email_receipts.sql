CREATE TABLE `email_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`to_address` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE INDEX `email_receipts_due_idx` ON `email_receipts` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_receipts_order_idx` ON `email_receipts` (`order_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mail_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`host` text DEFAULT '' NOT NULL,
	`port` integer DEFAULT 587 NOT NULL,
	`security` text DEFAULT 'starttls' NOT NULL,
	`user` text DEFAULT '' NOT NULL,
	`from_address` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "mail_settings_single_row" CHECK("mail_settings"."id" = 1)
);
