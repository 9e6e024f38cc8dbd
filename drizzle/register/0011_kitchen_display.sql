CREATE TABLE `kitchen_tickets` (
	`order_id` text PRIMARY KEY NOT NULL,
	`arrived_at` text NOT NULL,
	`bumped_at` text
);
--> statement-breakpoint
CREATE INDEX `kitchen_tickets_bumped_idx` ON `kitchen_tickets` (`bumped_at`,`arrived_at`);