ALTER TABLE "devices" ADD COLUMN "health" jsonb;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "health_reported_at" timestamp with time zone;