ALTER TABLE "tenants" ADD COLUMN "is_starter" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A server that made its demo business before this column existed, and has no admin yet.
UPDATE "tenants" SET "is_starter" = true
WHERE "name" = 'Demo tenant' AND NOT EXISTS (SELECT 1 FROM "admin_users") AND (SELECT count(*) FROM "tenants") = 1;
