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
	CONSTRAINT "report_order_lines_store_id_business_day_order_id_line_no_pk" PRIMARY KEY("store_id","business_day","order_id","line_no")
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
	CONSTRAINT "report_orders_store_id_business_day_order_id_pk" PRIMARY KEY("store_id","business_day","order_id")
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
	CONSTRAINT "report_payments_store_id_business_day_order_id_line_no_pk" PRIMARY KEY("store_id","business_day","order_id","line_no")
);
--> statement-breakpoint
-- Reporting projection, kept in the push transaction (hand-written below the generated DDL).
-- Nothing here may raise on a record's content: the push accepts loose order data, and a record
-- the projection cannot read must never refuse a sale. Numbers are read only when they are JSON
-- numbers in range, timestamps only when they are real ISO 8601 instants.
CREATE FUNCTION report_cents(value jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' AND abs(value::numeric) < 1e15
    THEN round(value::numeric)::bigint END
$$;
--> statement-breakpoint
CREATE FUNCTION report_quantity(value jsonb) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' AND abs(value::numeric) < 1e10
    THEN round(value::numeric, 3) END
$$;
--> statement-breakpoint
CREATE FUNCTION report_parse_ts(value text) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN value ~ '^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|1[0-4])(:?[0-5]\d)?)?$'
    THEN CASE WHEN substr(value, 9, 2)::int <= extract(day FROM
        make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, 1) + interval '1 month - 1 day')
      THEN value::timestamptz END
  END
$$;
--> statement-breakpoint
-- When the order was made: the register's createdAt, else when the server first stored it.
CREATE FUNCTION report_at(p_data jsonb, p_created timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT coalesce(report_parse_ts(p_data->'order'->>'createdAt'), p_created)
$$;
--> statement-breakpoint
CREATE FUNCTION report_kind(p_data jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN upper(p_data->'order'->>'status') = 'VOIDED' THEN 'void'
    WHEN upper(p_data->'order'->>'kind') = 'REFUND' THEN 'refund'
    ELSE 'sale'
  END
$$;
--> statement-breakpoint
-- The business day an order record is projected on (the key of its projection rows).
CREATE FUNCTION report_day_of(p_data jsonb, p_created timestamptz, p_zone text) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT (report_at(p_data, p_created) AT TIME ZONE p_zone)::date
$$;
--> statement-breakpoint
-- The order records to project with what is computed once per order (the instant, its local
-- time in the store's zone, the kind); OFFSET 0 keeps the timestamp parsed once.
CREATE FUNCTION report_sources(p_store uuid) RETURNS TABLE (
  store_id uuid, id text, data jsonb, device_id text, at timestamptz, local timestamp, kind text
)
LANGUAGE sql STABLE AS $$
  SELECT r.store_id, r.id, r.data, r.origin_device_id, x.at, x.at AT TIME ZONE s.time_zone,
    report_kind(r.data)
  FROM sync_records r
  JOIN stores s ON s.id = r.store_id
  CROSS JOIN LATERAL (SELECT report_at(r.data, r.created_at) AS at OFFSET 0) x
  WHERE r.entity = 'order' AND NOT r.deleted AND r.data IS NOT NULL
    AND (p_store IS NULL OR r.store_id = p_store)
$$;
--> statement-breakpoint
-- One order's projection rows (table column order) from its record and the per-order values.
CREATE FUNCTION report_order_of(p_store uuid, p_id text, p_data jsonb, p_device text, p_at timestamptz, p_local timestamp, p_kind text)
RETURNS SETOF report_orders
LANGUAGE sql STABLE AS $$
  SELECT p_store, p_id, p_local::date, extract(hour FROM p_local)::smallint, p_at, p_kind,
    coalesce(upper(o->>'status'), 'COMPLETED'),
    o->>'orderNumber', p_device, o->>'employeeId', o->>'shiftId', o->>'refundOfOrderId',
    o->>'refundReason', o->>'currency',
    m.net + m.discount, m.discount, m.net, m.tax, m.total
  FROM (SELECT CASE WHEN jsonb_typeof(p_data->'order') = 'object' THEN p_data->'order' ELSE '{}'::jsonb END AS o) h
  CROSS JOIN LATERAL (
    SELECT coalesce(report_cents(o->'totalCents'), 0) AS total,
      coalesce(report_cents(o->'taxCents'), 0) AS tax,
      coalesce(report_cents(o->'discountCents'), 0) AS discount
  ) a
  CROSS JOIN LATERAL (
    SELECT coalesce(report_cents(o->'subtotalCents'), a.total - a.tax) AS net, a.discount, a.tax, a.total
  ) m
$$;
--> statement-breakpoint
CREATE FUNCTION report_lines_of(p_store uuid, p_id text, p_data jsonb, p_day date, p_kind text)
RETURNS SETOF report_order_lines
LANGUAGE sql STABLE AS $$
  SELECT p_store, p_id, e.n::integer, p_day, p_kind,
    e.item->>'productId', e.item->>'name',
    (CASE WHEN p_kind = 'refund' THEN -1 ELSE 1 END) * abs(q.quantity),
    coalesce(report_cents(e.item->'taxRateBasisPoints'), 0)::integer,
    m.net + m.discount, m.discount, m.net, m.tax,
    coalesce(report_cents(e.item->'totalCents'), m.net + m.tax)
  FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(p_data->'items') = 'array' THEN p_data->'items' ELSE '[]'::jsonb END
  ) WITH ORDINALITY AS e(item, n)
  CROSS JOIN LATERAL (SELECT coalesce(report_quantity(e.item->'quantity'), 1) AS quantity) q
  CROSS JOIN LATERAL (
    SELECT coalesce(report_cents(e.item->'netCents'),
        report_cents(e.item->'totalCents') - coalesce(report_cents(e.item->'taxCents'), 0),
        round(coalesce(report_cents(e.item->'unitPriceCents'), 0) * q.quantity)::bigint) AS net,
      coalesce(report_cents(e.item->'discountCents'), 0) AS discount,
      coalesce(report_cents(e.item->'taxCents'), 0) AS tax
  ) m
  WHERE jsonb_typeof(e.item) = 'object'
$$;
--> statement-breakpoint
CREATE FUNCTION report_payments_of(p_store uuid, p_id text, p_data jsonb, p_day date, p_kind text)
RETURNS SETOF report_payments
LANGUAGE sql STABLE AS $$
  SELECT p_store, p_id, e.n::integer, p_day, p_kind,
    coalesce(nullif(e.payment->>'method', ''), 'other'),
    e.payment->>'tenderId', e.payment->>'label',
    coalesce(report_cents(e.payment->'amountCents'), 0)
  FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(p_data->'payments') = 'array' THEN p_data->'payments' ELSE '[]'::jsonb END
  ) WITH ORDINALITY AS e(payment, n)
  WHERE jsonb_typeof(e.payment) = 'object'
$$;
--> statement-breakpoint
-- Projects the given orders ([{store_id, order_id}] of live order records; null: none).
CREATE FUNCTION report_project_orders(p_orders jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH src AS MATERIALIZED (
    SELECT r.store_id, r.id, r.data, r.origin_device_id AS device_id, x.at,
      x.at AT TIME ZONE s.time_zone AS local, report_kind(r.data) AS kind
    FROM jsonb_to_recordset(p_orders) AS c(store_id uuid, order_id text)
    JOIN sync_records r ON r.store_id = c.store_id AND r.entity = 'order' AND r.id = c.order_id
    JOIN stores s ON s.id = r.store_id
    CROSS JOIN LATERAL (SELECT report_at(r.data, r.created_at) AS at OFFSET 0) x
    WHERE NOT r.deleted AND r.data IS NOT NULL
  ), orders AS (
    INSERT INTO report_orders SELECT f.* FROM src CROSS JOIN LATERAL
      report_order_of(src.store_id, src.id, src.data, src.device_id, src.at, src.local, src.kind) f
  ), lines AS (
    INSERT INTO report_order_lines SELECT f.* FROM src CROSS JOIN LATERAL
      report_lines_of(src.store_id, src.id, src.data, src.local::date, src.kind) f
  )
  INSERT INTO report_payments SELECT f.* FROM src CROSS JOIN LATERAL
    report_payments_of(src.store_id, src.id, src.data, src.local::date, src.kind) f;
END;
$$;
--> statement-breakpoint
-- In the push transaction, once per statement with the rows it wrote (transition tables): new
-- orders are projected, changed ones replaced (a re-push or a status change counts once), deleted
-- ones dropped. Set-based, so a 50-order push costs one INSERT … SELECT per table, not 150 statements.
CREATE FUNCTION report_project_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH src AS MATERIALIZED (
    SELECT r.store_id, r.id, r.data, r.origin_device_id AS device_id, x.at,
      x.at AT TIME ZONE s.time_zone AS local, report_kind(r.data) AS kind
    FROM report_new r
    JOIN stores s ON s.id = r.store_id
    CROSS JOIN LATERAL (SELECT report_at(r.data, r.created_at) AS at OFFSET 0) x
    WHERE r.entity = 'order' AND NOT r.deleted AND r.data IS NOT NULL
  ), orders AS (
    INSERT INTO report_orders SELECT f.* FROM src CROSS JOIN LATERAL
      report_order_of(src.store_id, src.id, src.data, src.device_id, src.at, src.local, src.kind) f
  ), lines AS (
    INSERT INTO report_order_lines SELECT f.* FROM src CROSS JOIN LATERAL
      report_lines_of(src.store_id, src.id, src.data, src.local::date, src.kind) f
  )
  INSERT INTO report_payments SELECT f.* FROM src CROSS JOIN LATERAL
    report_payments_of(src.store_id, src.id, src.data, src.local::date, src.kind) f;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Drops the projection of the given orders ([{store_id, business_day, order_id}], the day
-- computed from the old record with report_day_of).
CREATE FUNCTION report_forget_orders(p_orders jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT * FROM jsonb_to_recordset(p_orders) AS g(store_id uuid, business_day date, order_id text)
  ), orders AS (
    DELETE FROM report_orders o USING gone
    WHERE o.store_id = gone.store_id AND o.business_day = gone.business_day AND o.order_id = gone.order_id
  ), lines AS (
    DELETE FROM report_order_lines l USING gone
    WHERE l.store_id = gone.store_id AND l.business_day = gone.business_day AND l.order_id = gone.order_id
  )
  DELETE FROM report_payments p USING gone
  WHERE p.store_id = gone.store_id AND p.business_day = gone.business_day AND p.order_id = gone.order_id;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_project_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  gone jsonb;
  changed jsonb;
BEGIN
  SELECT
    jsonb_agg(jsonb_build_object('store_id', o.store_id, 'order_id', o.id,
      'business_day', report_day_of(o.data, o.created_at, s.time_zone))),
    jsonb_agg(jsonb_build_object('store_id', n.store_id, 'order_id', n.id))
    INTO gone, changed
    FROM report_new n
    JOIN report_old o ON o.store_id = n.store_id AND o.entity = n.entity AND o.id = n.id
    JOIN stores s ON s.id = o.store_id
    WHERE n.entity = 'order' AND (o.data IS DISTINCT FROM n.data OR o.deleted IS DISTINCT FROM n.deleted);
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM report_forget_orders(gone);
  PERFORM report_project_orders(changed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_project_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  gone jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('store_id', o.store_id, 'order_id', o.id,
      'business_day', report_day_of(o.data, o.created_at, s.time_zone)))
    INTO gone FROM report_old o JOIN stores s ON s.id = o.store_id WHERE o.entity = 'order';
  IF gone IS NOT NULL THEN
    PERFORM report_forget_orders(gone);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_order_inserted AFTER INSERT ON sync_records
REFERENCING NEW TABLE AS report_new
FOR EACH STATEMENT EXECUTE FUNCTION report_project_inserted();
--> statement-breakpoint
CREATE TRIGGER report_order_updated AFTER UPDATE ON sync_records
REFERENCING OLD TABLE AS report_old NEW TABLE AS report_new
FOR EACH STATEMENT EXECUTE FUNCTION report_project_updated();
--> statement-breakpoint
CREATE TRIGGER report_order_deleted AFTER DELETE ON sync_records
REFERENCING OLD TABLE AS report_old
FOR EACH STATEMENT EXECUTE FUNCTION report_project_deleted();
--> statement-breakpoint
-- Set-based (re)build for all stores (p_store null) or one: the backfill of orders pushed before
-- the projection existed, and the rebuild after a store's time zone changes.
CREATE FUNCTION report_rebuild(p_store uuid) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  projected bigint;
BEGIN
  IF p_store IS NULL THEN
    TRUNCATE report_orders, report_order_lines, report_payments;
  ELSE
    DELETE FROM report_orders WHERE store_id = p_store;
    DELETE FROM report_order_lines WHERE store_id = p_store;
    DELETE FROM report_payments WHERE store_id = p_store;
  END IF;
  INSERT INTO report_orders SELECT f.* FROM report_sources(p_store) src CROSS JOIN LATERAL
    report_order_of(src.store_id, src.id, src.data, src.device_id, src.at, src.local, src.kind) f;
  GET DIAGNOSTICS projected = ROW_COUNT;
  INSERT INTO report_order_lines SELECT f.* FROM report_sources(p_store) src CROSS JOIN LATERAL
    report_lines_of(src.store_id, src.id, src.data, src.local::date, src.kind) f;
  INSERT INTO report_payments SELECT f.* FROM report_sources(p_store) src CROSS JOIN LATERAL
    report_payments_of(src.store_id, src.id, src.data, src.local::date, src.kind) f;
  RETURN projected;
END;
$$;
--> statement-breakpoint
-- A store's time zone must be one PostgreSQL knows (it raises otherwise), so the projection
-- never meets an unknown zone; a changed zone moves the store's orders to their new days.
CREATE FUNCTION report_store_zone_check() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM now() AT TIME ZONE NEW.time_zone;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_store_zone_check BEFORE INSERT OR UPDATE OF time_zone ON stores
FOR EACH ROW EXECUTE FUNCTION report_store_zone_check();
--> statement-breakpoint
CREATE FUNCTION report_store_zone_changed() RETURNS trigger
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
