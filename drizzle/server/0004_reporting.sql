CREATE TABLE "report_order_lines" (
	"store_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"business_day" date NOT NULL,
	"kind" text NOT NULL,
	"product_id" text,
	"name" text,
	"quantity" numeric(14, 3) NOT NULL,
	"tax_rate_basis_points" integer NOT NULL,
	"gross_cents" bigint NOT NULL,
	"discount_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	CONSTRAINT "report_order_lines_store_id_order_id_line_no_pk" PRIMARY KEY("store_id","order_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "report_orders" (
	"store_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"business_day" date NOT NULL,
	"hour" smallint NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"order_number" text,
	"device_id" text,
	"employee_id" text,
	"shift_id" text,
	"refund_of_order_id" text,
	"refund_reason" text,
	"currency" text,
	"gross_cents" bigint NOT NULL,
	"discount_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	CONSTRAINT "report_orders_store_id_order_id_pk" PRIMARY KEY("store_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "report_payments" (
	"store_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"business_day" date NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"tender_id" text,
	"label" text,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "report_payments_store_id_order_id_line_no_pk" PRIMARY KEY("store_id","order_id","line_no")
);
--> statement-breakpoint
CREATE INDEX "report_order_lines_store_day_idx" ON "report_order_lines" USING btree ("store_id","business_day");--> statement-breakpoint
CREATE INDEX "report_orders_store_day_idx" ON "report_orders" USING btree ("store_id","business_day");--> statement-breakpoint
CREATE INDEX "report_payments_store_day_idx" ON "report_payments" USING btree ("store_id","business_day");--> statement-breakpoint
-- Reporting projection, maintained in the push transaction (hand-written below the generated DDL).
-- A register's timestamp, or null when it is not one (the push accepts any short string).
CREATE OR REPLACE FUNCTION report_parse_ts(value text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' THEN
    RETURN NULL;
  END IF;
  BEGIN
    RETURN value::timestamptz;
  EXCEPTION WHEN others THEN
    RETURN NULL;
  END;
END;
$$;
--> statement-breakpoint
-- One row per live order record, with its store-local day and hour and its kind.
CREATE VIEW report_order_base AS
SELECT
  r.store_id,
  r.id AS order_id,
  r.data,
  r.origin_device_id,
  t.at AS completed_at,
  (t.at AT TIME ZONE s.time_zone)::date AS business_day,
  extract(hour FROM t.at AT TIME ZONE s.time_zone)::smallint AS hour,
  CASE
    WHEN upper(r.data->'order'->>'status') = 'VOIDED' THEN 'void'
    WHEN upper(r.data->'order'->>'kind') = 'REFUND' THEN 'refund'
    ELSE 'sale'
  END AS kind
FROM sync_records r
JOIN stores s ON s.id = r.store_id
CROSS JOIN LATERAL (
  SELECT coalesce(report_parse_ts(r.data->'order'->>'createdAt'), r.created_at) AS at
) t
WHERE r.entity = 'order' AND NOT r.deleted AND r.data IS NOT NULL;
--> statement-breakpoint
CREATE VIEW report_order_source AS
SELECT
  b.store_id,
  b.order_id,
  b.business_day,
  b.hour,
  b.completed_at,
  b.kind,
  coalesce(upper(b.data->'order'->>'status'), 'COMPLETED') AS status,
  b.data->'order'->>'orderNumber' AS order_number,
  b.origin_device_id AS device_id,
  b.data->'order'->>'employeeId' AS employee_id,
  b.data->'order'->>'shiftId' AS shift_id,
  b.data->'order'->>'refundOfOrderId' AS refund_of_order_id,
  b.data->'order'->>'refundReason' AS refund_reason,
  b.data->'order'->>'currency' AS currency,
  m.net + m.discount AS gross_cents,
  m.discount AS discount_cents,
  m.net AS net_cents,
  m.tax AS tax_cents,
  m.total AS total_cents
FROM report_order_base b
CROSS JOIN LATERAL (
  SELECT
    coalesce((b.data->'order'->>'subtotalCents')::bigint,
      (b.data->'order'->>'totalCents')::bigint - coalesce((b.data->'order'->>'taxCents')::bigint, 0)) AS net,
    coalesce((b.data->'order'->>'discountCents')::bigint, 0) AS discount,
    coalesce((b.data->'order'->>'taxCents')::bigint, 0) AS tax,
    (b.data->'order'->>'totalCents')::bigint AS total
) m;
--> statement-breakpoint
CREATE VIEW report_order_line_source AS
SELECT
  b.store_id,
  b.order_id,
  e.ordinality::integer AS line_no,
  b.business_day,
  b.kind,
  e.item->>'productId' AS product_id,
  e.item->>'name' AS name,
  (CASE WHEN b.kind = 'refund' THEN -1 ELSE 1 END) * abs(q.quantity) AS quantity,
  coalesce((e.item->>'taxRateBasisPoints')::integer, 0) AS tax_rate_basis_points,
  m.net + m.discount AS gross_cents,
  m.discount AS discount_cents,
  m.net AS net_cents,
  m.tax AS tax_cents,
  coalesce((e.item->>'totalCents')::bigint, m.net + m.tax) AS total_cents
FROM report_order_base b
CROSS JOIN LATERAL jsonb_array_elements(
  CASE WHEN jsonb_typeof(b.data->'items') = 'array' THEN b.data->'items' ELSE '[]'::jsonb END
) WITH ORDINALITY AS e(item, ordinality)
CROSS JOIN LATERAL (
  SELECT round(coalesce((e.item->>'quantity')::numeric, 1), 3) AS quantity
) q
CROSS JOIN LATERAL (
  SELECT
    coalesce((e.item->>'netCents')::bigint,
      (e.item->>'totalCents')::bigint - coalesce((e.item->>'taxCents')::bigint, 0),
      round(coalesce((e.item->>'unitPriceCents')::numeric, 0) * q.quantity)::bigint) AS net,
    coalesce((e.item->>'discountCents')::bigint, 0) AS discount,
    coalesce((e.item->>'taxCents')::bigint, 0) AS tax
) m;
--> statement-breakpoint
CREATE VIEW report_payment_source AS
SELECT
  b.store_id,
  b.order_id,
  e.ordinality::integer AS line_no,
  b.business_day,
  b.kind,
  coalesce(nullif(e.payment->>'method', ''), 'other') AS method,
  e.payment->>'tenderId' AS tender_id,
  e.payment->>'label' AS label,
  (e.payment->>'amountCents')::bigint AS amount_cents
FROM report_order_base b
CROSS JOIN LATERAL jsonb_array_elements(
  CASE WHEN jsonb_typeof(b.data->'payments') = 'array' THEN b.data->'payments' ELSE '[]'::jsonb END
) WITH ORDINALITY AS e(payment, ordinality);
--> statement-breakpoint
-- Replaces the projection of one order: a re-push or an edit counts once, a delete drops it.
CREATE OR REPLACE FUNCTION report_project_order(p_store uuid, p_order text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_orders WHERE store_id = p_store AND order_id = p_order;
  DELETE FROM report_order_lines WHERE store_id = p_store AND order_id = p_order;
  DELETE FROM report_payments WHERE store_id = p_store AND order_id = p_order;
  INSERT INTO report_orders SELECT * FROM report_order_source WHERE store_id = p_store AND order_id = p_order;
  INSERT INTO report_order_lines SELECT * FROM report_order_line_source WHERE store_id = p_store AND order_id = p_order;
  INSERT INTO report_payments SELECT * FROM report_payment_source WHERE store_id = p_store AND order_id = p_order;
END;
$$;
--> statement-breakpoint
-- Runs inside the push transaction. A record the projection cannot read (a malformed value) is
-- left out with a warning rather than refusing the push: the sync record is the truth.
CREATE OR REPLACE FUNCTION report_sync_record_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target record;
BEGIN
  IF TG_OP = 'DELETE' THEN target := OLD; ELSE target := NEW; END IF;
  BEGIN
    PERFORM report_project_order(target.store_id, target.id);
  EXCEPTION WHEN others THEN
    RAISE WARNING 'report projection skipped order % of store %: %', target.id, target.store_id, SQLERRM;
    DELETE FROM report_orders WHERE store_id = target.store_id AND order_id = target.id;
    DELETE FROM report_order_lines WHERE store_id = target.store_id AND order_id = target.id;
    DELETE FROM report_payments WHERE store_id = target.store_id AND order_id = target.id;
  END;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_order_inserted AFTER INSERT ON sync_records
FOR EACH ROW WHEN (NEW.entity = 'order') EXECUTE FUNCTION report_sync_record_changed();
--> statement-breakpoint
CREATE TRIGGER report_order_updated AFTER UPDATE ON sync_records
FOR EACH ROW WHEN (NEW.entity = 'order' AND (OLD.data IS DISTINCT FROM NEW.data OR OLD.deleted IS DISTINCT FROM NEW.deleted))
EXECUTE FUNCTION report_sync_record_changed();
--> statement-breakpoint
CREATE TRIGGER report_order_deleted AFTER DELETE ON sync_records
FOR EACH ROW WHEN (OLD.entity = 'order') EXECUTE FUNCTION report_sync_record_changed();
--> statement-breakpoint
-- Set-based (re)build of the projection, for all stores (p_store null) or one: the backfill of
-- orders pushed before the projection existed, and the rebuild after a store's time zone changes.
CREATE OR REPLACE FUNCTION report_rebuild(p_store uuid) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  projected bigint;
BEGIN
  DELETE FROM report_orders WHERE p_store IS NULL OR store_id = p_store;
  DELETE FROM report_order_lines WHERE p_store IS NULL OR store_id = p_store;
  DELETE FROM report_payments WHERE p_store IS NULL OR store_id = p_store;
  INSERT INTO report_orders SELECT * FROM report_order_source WHERE p_store IS NULL OR store_id = p_store;
  GET DIAGNOSTICS projected = ROW_COUNT;
  INSERT INTO report_order_lines SELECT * FROM report_order_line_source WHERE p_store IS NULL OR store_id = p_store;
  INSERT INTO report_payments SELECT * FROM report_payment_source WHERE p_store IS NULL OR store_id = p_store;
  RETURN projected;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_store_zone_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rebuild(NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_store_zone_changed AFTER UPDATE OF time_zone ON stores
FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
EXECUTE FUNCTION report_store_zone_changed();
--> statement-breakpoint
-- Backfill: the orders already on this server.
SELECT report_rebuild(NULL);
