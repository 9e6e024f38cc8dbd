ALTER TABLE "devices" ADD COLUMN "enrolled_code_hash" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "replaced_by_hash" text;