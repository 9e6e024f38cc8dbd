CREATE TABLE "stock_on_hand" (
	"store_id" uuid NOT NULL,
	"product_id" text NOT NULL,
	"variant_id" text DEFAULT '' NOT NULL,
	"on_hand_milli" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_on_hand_store_id_product_id_variant_id_pk" PRIMARY KEY("store_id","product_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "stock_projection_cursor" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stock_on_hand" ADD CONSTRAINT "stock_on_hand_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_projection_cursor" ADD CONSTRAINT "stock_projection_cursor_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Stock on hand is kept from the record stream after the push commits (hand-written below the
-- generated DDL), like the reports since 0008: the push transaction stays as fast as it was.
-- Stock movements are append-only (the registry refuses a change or a delete), so a movement is
-- projected once, when the cursor passes its seq, in the same transaction as the cursor moves.
-- Answers {projected, seq, head}: seq = head when the store is current; null when p_wait is
-- false and another projector holds the store.
CREATE FUNCTION stock_project_store(p_store uuid, p_limit integer, p_wait boolean) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_cursor bigint;
  v_head bigint;
  v_last bigint;
  v_count integer;
  v_upto bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM stock_projection_cursor WHERE store_id = p_store) THEN
    INSERT INTO stock_projection_cursor (store_id)
    SELECT id FROM stores WHERE id = p_store
    ON CONFLICT DO NOTHING;
  END IF;
  IF p_wait THEN
    SELECT seq INTO v_cursor FROM stock_projection_cursor WHERE store_id = p_store FOR UPDATE;
  ELSE
    SELECT seq INTO v_cursor FROM stock_projection_cursor WHERE store_id = p_store
    FOR UPDATE SKIP LOCKED;
  END IF;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  -- Sequences are given under the store row's lock and the head moves in the same commit as the
  -- records, so every record with seq <= the head read here is committed: none is skipped.
  SELECT head_seq INTO v_head FROM stores WHERE id = p_store;
  WITH batch AS MATERIALIZED (
    SELECT r.seq, r.data FROM sync_records r
    WHERE r.store_id = p_store AND r.seq > v_cursor AND r.seq <= v_head
      AND r.entity = 'stockMovement' AND NOT r.deleted AND r.data IS NOT NULL
    ORDER BY r.seq LIMIT p_limit
  ), moved AS (
    SELECT l->>'productId' AS product_id, coalesce(l->>'variantId', '') AS variant_id,
      sum(round((l->>'quantity')::numeric * 1000))::bigint AS milli
    FROM batch CROSS JOIN LATERAL jsonb_array_elements(batch.data->'lines') l
    WHERE l->>'productId' IS NOT NULL
    GROUP BY 1, 2
  ), upserted AS (
    INSERT INTO stock_on_hand (store_id, product_id, variant_id, on_hand_milli, updated_at)
    SELECT p_store, m.product_id, m.variant_id, m.milli, now() FROM moved m
    ON CONFLICT (store_id, product_id, variant_id) DO UPDATE
    SET on_hand_milli = stock_on_hand.on_hand_milli + excluded.on_hand_milli,
      updated_at = excluded.updated_at
  )
  SELECT max(b.seq), count(*)::integer INTO v_last, v_count FROM batch b;
  v_upto := CASE WHEN v_count >= p_limit THEN v_last ELSE greatest(v_head, v_cursor) END;
  IF v_upto > v_cursor THEN
    UPDATE stock_projection_cursor SET seq = v_upto, projected_at = clock_timestamp()
    WHERE store_id = p_store;
  END IF;
  RETURN jsonb_build_object('projected', v_count, 'seq', v_upto, 'head', v_head);
END;
$$;
