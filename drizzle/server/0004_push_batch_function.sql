-- A push in one round trip: the store lock, device check, ledger and record lookups, the conflict
-- decision (DESIGN §3 rules 2 and 5, the entity rules), the writes, the ledger entries and the
-- store head all run in one statement, so the store row is locked only while the server works.
-- Hashing, schema validation, the data id check and the policy choice stay in the caller.

-- The entity rules on an allowed edit (what src/server/sync/registry.ts declares as checkTransition),
-- for a record that exists: the error that refuses moving from the server's row to the incoming one.
CREATE OR REPLACE FUNCTION af_transition_error(
  p_entity text, p_cur_data jsonb, p_cur_deleted boolean, p_data jsonb, p_deleted boolean
) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_cur_status text;
  v_next_status text;
  v_is_refund boolean;
  v_allowed text[];
  v_message text;
BEGIN
  IF p_cur_deleted OR p_cur_data IS NULL OR jsonb_typeof(p_cur_data) = 'null' THEN
    RETURN NULL;
  END IF;
  IF p_data IS NOT NULL AND jsonb_typeof(p_data) = 'null' THEN
    p_data := NULL;
  END IF;
  CASE p_entity
  WHEN 'order' THEN
    -- A completed sale's lines and payments never change; only its status moves forward. A refund
    -- never changes at all.
    v_cur_status := NULLIF(upper(p_cur_data -> 'order' ->> 'status'), '');
    v_is_refund := (p_cur_data -> 'order' -> 'kind') = '"REFUND"'::jsonb;
    IF v_is_refund THEN
      v_allowed := ARRAY[coalesce(v_cur_status, '')];
    ELSE
      v_allowed := CASE v_cur_status
        WHEN 'COMPLETED' THEN ARRAY['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED']
        WHEN 'PAID' THEN ARRAY['PAID', 'COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED']
        WHEN 'PARTIALLY_REFUNDED' THEN ARRAY['PARTIALLY_REFUNDED', 'REFUNDED']
        WHEN 'REFUNDED' THEN ARRAY['REFUNDED']
        WHEN 'VOIDED' THEN ARRAY['VOIDED']
        ELSE NULL END;
    END IF;
    IF v_allowed IS NULL THEN
      RETURN NULL;
    END IF;
    IF p_deleted OR p_data IS NULL THEN
      v_message := CASE WHEN v_is_refund THEN 'a refund cannot be deleted'
        ELSE format('a %s sale cannot be deleted; record a refund or void', v_cur_status) END;
    ELSE
      v_next_status := coalesce(upper(p_data -> 'order' ->> 'status'), '');
      IF NOT v_next_status = ANY (v_allowed) THEN
        v_message := format('sale status cannot move from %s to %s',
          coalesce(v_cur_status, 'undefined'), coalesce(NULLIF(v_next_status, ''), 'none'));
      ELSIF (p_cur_data #- '{order,status}' #- '{order,updatedAt}')
          IS DISTINCT FROM (p_data #- '{order,status}' #- '{order,updatedAt}') THEN
        v_message := CASE WHEN v_is_refund THEN 'a refund''s lines, totals and payments cannot change'
          ELSE format('a %s sale''s lines, totals and payments cannot change', v_cur_status) END;
      END IF;
    END IF;
    RETURN CASE WHEN v_message IS NULL THEN NULL
      ELSE jsonb_build_object('code', 'IMMUTABLE_SALE', 'message', v_message, 'retryable', false) END;
  WHEN 'shift' THEN
    -- A closed shift is final: neither reopened, edited nor deleted.
    IF (p_cur_data -> 'status') IS DISTINCT FROM '"CLOSED"'::jsonb THEN
      RETURN NULL;
    END IF;
    RETURN jsonb_build_object('code', 'SHIFT_CLOSED', 'message',
      CASE WHEN p_deleted OR p_data IS NULL THEN 'a closed shift cannot be deleted'
        WHEN (p_data -> 'status') IS DISTINCT FROM '"CLOSED"'::jsonb THEN 'a closed shift cannot be reopened'
        ELSE 'a closed shift''s count and report cannot change' END,
      'retryable', false);
  WHEN 'cashMovement', 'auditEvent' THEN
    -- A log: written once, never changed or removed.
    RETURN jsonb_build_object('code', 'APPEND_ONLY', 'message',
      format('%s cannot be changed or deleted once recorded',
        CASE p_entity WHEN 'cashMovement' THEN 'a cash movement' ELSE 'an audit event' END),
      'retryable', false);
  ELSE
    RETURN NULL;
  END CASE;
END $$;
--> statement-breakpoint
-- A pushed record's stored data: null for a delete. Its own function so that a value the database
-- cannot store fails that record alone.
CREATE OR REPLACE FUNCTION af_record_data(p_deleted boolean, p_data json) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_deleted OR p_data IS NULL OR json_typeof(p_data) = 'null' THEN NULL
    ELSE p_data::jsonb END
$$;
--> statement-breakpoint
-- Applies one push batch for a device of a store. p_items is a JSON array, in push order, of
-- {mutation_id, entity, id, deleted, base_version, client_version, hash, policy, error}; p_data
-- holds each item's data, in the same order, apart so that a value jsonb cannot hold (a NUL)
-- fails its own record alone:
-- `hash` is the record hash the caller worked out, `policy` the entity's conflict policy, and
-- `error` a refusal the caller already decided (a data id that differs from the record id).
--
-- Answers {deviceNotActive: true} when the device is not an active device of the store (nothing
-- written), otherwise {results, isReplay, headSeq, isChanged, isIsolated, storeErrors}: results
-- are the ChangeResult JSON of each item, in order. A replayed mutation id answers its stored
-- ledger result. A record written twice in one batch is stored once, in its final state.
--
-- Fast path: the whole batch is decided in memory and written by one statement per table. If the
-- database refuses any of it, the batch runs again with one subtransaction per record, so one bad
-- record never rolls back the others: it is answered retry (STORE_ERROR) with no ledger entry.
CREATE OR REPLACE FUNCTION af_push_batch(
  p_store uuid, p_device text, p_items json, p_data json
)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  -- The items, by position.
  i_mutation text[];
  i_entity text[];
  i_id text[];
  i_deleted boolean[];
  i_data json[];
  i_base numeric[];
  i_client numeric[];
  i_hash text[];
  i_policy text[];
  i_error jsonb[];
  i_key integer[];
  i_first integer[];
  -- The distinct records of the batch (by key index): their current state as the batch goes.
  k_entity text[];
  k_id text[];
  k_exists boolean[];
  k_in_db boolean[];
  k_written boolean[];
  k_version numeric[];
  k_seq bigint[];
  k_hash text[];
  k_data jsonb[];
  k_deleted boolean[];
  k_last text[];
  k_updated timestamptz[];
  -- Each item's answer, if decided; by the position of its mutation id's first item.
  m_result jsonb[];
  v_head bigint;
  v_locked_head bigint;
  v_is_isolated boolean := false;
  v_is_changed boolean;
  v_results jsonb[];
  v_is_replay boolean[];
  v_ledger jsonb[];
  v_store_errors jsonb[];
  c_id uuid[];
  c_entity text[];
  c_record text[];
  c_base numeric[];
  c_server numeric[];
  c_data jsonb[];
  c_deleted boolean[];
  -- One item's plan.
  i integer;
  k integer;
  v_data jsonb;
  v_result jsonb;
  v_kind text;
  v_version numeric;
  v_resolution text;
  v_error jsonb;
  v_server_record jsonb;
  v_conflict_id uuid;
  v_seq bigint;
  v_now timestamptz;
  v_sqlstate text;
  v_message text;
  v_is_failed boolean;
  r record;
BEGIN
  -- Off the lock: the items into arrays, each record's key index and each mutation id's first item.
  SELECT count(*)::integer,
    array_agg(x.mutation_id ORDER BY x.ord), array_agg(x.entity ORDER BY x.ord),
    array_agg(x.id ORDER BY x.ord), array_agg(coalesce(x.deleted, false) ORDER BY x.ord),
    array_agg(x.base_version ORDER BY x.ord),
    array_agg(x.client_version ORDER BY x.ord), array_agg(x.hash ORDER BY x.ord),
    array_agg(x.policy ORDER BY x.ord), array_agg(x.error ORDER BY x.ord),
    array_agg(x.key ORDER BY x.ord), array_agg(x.first ORDER BY x.ord)
  INTO n, i_mutation, i_entity, i_id, i_deleted, i_base, i_client, i_hash, i_policy,
    i_error, i_key, i_first
  FROM (
    SELECT t.*, dense_rank() OVER (ORDER BY t.entity, t.id)::integer AS key,
      (min(t.ord) OVER (PARTITION BY t.mutation_id))::integer AS first
    FROM ROWS FROM (json_to_recordset(p_items) AS (
      mutation_id text, entity text, id text, deleted boolean, base_version numeric,
      client_version numeric, hash text, policy text, error jsonb
    )) WITH ORDINALITY AS t(mutation_id, entity, id, deleted, base_version, client_version,
      hash, policy, error, ord)
  ) x;
  -- The data as JSON text, not yet jsonb: json_array_elements slices it without reading strings.
  SELECT array_agg(d.value ORDER BY d.ord) INTO i_data
  FROM json_array_elements(p_data) WITH ORDINALITY AS d(value, ord);
  IF coalesce(cardinality(i_data), 0) <> n THEN
    RAISE EXCEPTION 'af_push_batch: % items but % data values', n, coalesce(cardinality(i_data), 0);
  END IF;
  k_entity := array_fill(NULL::text, ARRAY[n]);
  k_id := k_entity;
  FOR i IN 1..n LOOP
    k_entity[i_key[i]] := i_entity[i];
    k_id[i_key[i]] := i_id[i];
  END LOOP;

  -- Lock the store row (orders commits, so sequences become visible in order) and check the device:
  -- a revoked device gets nothing written. last_seen_at is refreshed at most every 10 s.
  SELECT s.head_seq INTO v_locked_head
  FROM stores s JOIN devices d ON d.store_id = s.id AND d.id = p_device::uuid AND d.revoked_at IS NULL
  WHERE s.id = p_store
  FOR UPDATE OF s;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('deviceNotActive', true);
  END IF;
  UPDATE devices SET last_seen_at = now()
  WHERE id = p_device::uuid AND store_id = p_store AND revoked_at IS NULL
    AND (last_seen_at IS NULL OR last_seen_at < now() - interval '10 seconds');

  LOOP
    BEGIN
      -- After the lock (each statement of this function takes a fresh snapshot): the ledger
      -- entries and current rows of the batch, each looked up by primary key.
      v_head := v_locked_head;
      m_result := array_fill(NULL::jsonb, ARRAY[n]);
      FOR r IN
        SELECT u.ord, l.result
        FROM unnest(i_mutation) WITH ORDINALITY AS u(mutation_id, ord)
        CROSS JOIN LATERAL (
          SELECT result FROM mutation_ledger
          WHERE device_id = p_device AND mutation_id = u.mutation_id LIMIT 1
        ) l
      LOOP
        m_result[i_first[r.ord]] := r.result;
      END LOOP;
      k_exists := array_fill(false, ARRAY[n]);
      k_written := k_exists;
      k_version := array_fill(NULL::numeric, ARRAY[n]);
      k_seq := array_fill(NULL::bigint, ARRAY[n]);
      k_hash := array_fill(NULL::text, ARRAY[n]);
      k_data := array_fill(NULL::jsonb, ARRAY[n]);
      k_deleted := array_fill(NULL::boolean, ARRAY[n]);
      k_last := k_hash;
      k_updated := array_fill(NULL::timestamptz, ARRAY[n]);
      FOR r IN
        SELECT u.key, c.*
        FROM unnest(k_entity, k_id) WITH ORDINALITY AS u(entity, id, key)
        CROSS JOIN LATERAL (
          SELECT version, seq, hash, data, deleted, last_device_id, updated_at FROM sync_records
          WHERE store_id = p_store AND entity = u.entity AND id = u.id LIMIT 1
        ) c
        WHERE u.entity IS NOT NULL
      LOOP
        k_exists[r.key] := true;
        k_version[r.key] := r.version;
        k_seq[r.key] := r.seq;
        k_hash[r.key] := r.hash;
        k_data[r.key] := r.data;
        k_deleted[r.key] := r.deleted;
        k_last[r.key] := r.last_device_id;
        k_updated[r.key] := r.updated_at;
      END LOOP;
      k_in_db := k_exists;
      v_results := '{}';
      v_is_replay := '{}';
      v_ledger := '{}';
      v_store_errors := '{}';
      c_id := '{}'; c_entity := '{}'; c_record := '{}'; c_base := '{}'; c_server := '{}';
      c_data := '{}'; c_deleted := '{}';
      v_is_changed := false;

      FOR i IN 1..n LOOP
        v_is_replay[i] := m_result[i_first[i]] IS NOT NULL;
        IF v_is_replay[i] THEN
          v_results[i] := m_result[i_first[i]];
          CONTINUE;
        END IF;
        k := i_key[i];
        v_kind := NULL;
        v_resolution := NULL;
        v_error := i_error[i];
        v_conflict_id := NULL;
        v_server_record := NULL;
        v_is_failed := false;
        IF v_is_isolated THEN
          BEGIN
            v_data := af_record_data(i_deleted[i], i_data[i]);
          EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS v_sqlstate = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT;
            v_is_failed := true;
          END;
        ELSE
          v_data := af_record_data(i_deleted[i], i_data[i]);
        END IF;
        IF NOT v_is_failed THEN
          IF v_error IS NOT NULL THEN
            v_kind := 'rejected';
          -- DESIGN §3 rule 5. Equal hash: in sync. v1: a matching baseVersion applies and bumps,
          -- otherwise the policy decides. Seed (client_version set): higher wins, anything else
          -- gets the server's row. Arrival order is the only clock trusted: a later arrival wins.
          ELSIF NOT k_exists[k] THEN
            v_kind := 'write';
            v_version := coalesce(i_client[i], 1);
          ELSIF k_hash[k] = i_hash[i] AND k_deleted[k] = i_deleted[i] THEN
            v_kind := 'duplicate';
          ELSIF i_client[i] IS NOT NULL THEN
            IF i_client[i] > k_version[k] THEN
              v_kind := 'write';
              v_version := i_client[i];
            ELSE
              v_kind := 'conflict';
            END IF;
          ELSIF i_base[i] = k_version[k] THEN
            v_kind := 'write';
            v_version := k_version[k] + 1;
          ELSIF i_policy[i] = 'server-wins' THEN
            v_kind := 'conflict';
          ELSIF i_policy[i] = 'manual' THEN
            v_kind := 'conflict';
            v_conflict_id := gen_random_uuid();
          ELSIF i_policy[i] IN ('client-wins', 'last-write-wins') THEN
            v_kind := 'write';
            v_version := k_version[k] + 1;
            v_resolution := i_policy[i];
          ELSE
            RAISE EXCEPTION 'unknown conflict policy %', i_policy[i];
          END IF;
          IF v_kind = 'write' AND k_exists[k] THEN
            v_error := af_transition_error(i_entity[i], k_data[k], k_deleted[k], v_data,
              i_deleted[i]);
            IF v_error IS NOT NULL THEN
              -- A seed client retries a failure forever: a rule that keeps the server's row is
              -- answered as the seed's SERVER_WINS conflict instead.
              v_kind := CASE WHEN i_client[i] IS NOT NULL THEN 'conflict' ELSE 'rejected' END;
            END IF;
          END IF;
          IF v_kind = 'conflict' THEN
            v_resolution := CASE WHEN i_client[i] IS NOT NULL THEN 'server-wins' ELSE i_policy[i] END;
            v_server_record := jsonb_build_object('entity', i_entity[i], 'id', i_id[i],
              'version', k_version[k], 'seq', k_seq[k], 'hash', k_hash[k], 'deleted', k_deleted[k],
              'data', coalesce(k_data[k], 'null'::jsonb), 'deviceId', k_last[k],
              'updatedAt', to_char(k_updated[k] AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
          END IF;
          IF v_kind = 'write' THEN
            v_seq := v_head + 1;
            v_now := clock_timestamp();
            v_result := jsonb_build_object('mutationId', i_mutation[i], 'entity', i_entity[i],
              'id', i_id[i], 'status', 'applied', 'serverVersion', v_version, 'serverSeq', v_seq,
              'serverHash', i_hash[i]);
          ELSE
            v_result := jsonb_build_object('mutationId', i_mutation[i], 'entity', i_entity[i],
              'id', i_id[i], 'status', v_kind, 'serverVersion', k_version[k],
              'serverSeq', k_seq[k], 'serverHash', k_hash[k]);
          END IF;
          IF v_error IS NOT NULL THEN
            v_result := v_result || jsonb_build_object('error', v_error);
          END IF;
          IF v_resolution IS NOT NULL THEN
            v_result := v_result || jsonb_build_object('resolution', v_resolution);
          END IF;
          IF v_server_record IS NOT NULL THEN
            v_result := v_result || jsonb_build_object('serverRecord', v_server_record);
          END IF;
          IF v_conflict_id IS NOT NULL THEN
            v_result := v_result || jsonb_build_object('conflictId', v_conflict_id);
          END IF;
        END IF;

        IF v_is_isolated AND NOT v_is_failed THEN
          -- One subtransaction per record: a refused record rolls back alone and the batch goes on.
          BEGIN
            IF v_kind = 'write' AND k_in_db[k] THEN
              UPDATE sync_records SET version = v_version, seq = v_seq, hash = i_hash[i],
                data = v_data, deleted = i_deleted[i], last_device_id = p_device,
                updated_at = clock_timestamp()
              WHERE store_id = p_store AND entity = i_entity[i] AND id = i_id[i];
            ELSIF v_kind = 'write' THEN
              INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data, deleted,
                origin_device_id, last_device_id, updated_at)
              VALUES (p_store, i_entity[i], i_id[i], v_version, v_seq, i_hash[i], v_data,
                i_deleted[i], p_device, p_device, clock_timestamp());
            END IF;
            IF v_conflict_id IS NOT NULL THEN
              INSERT INTO sync_conflicts (id, store_id, entity, record_id, device_id, base_version,
                server_version, client_data, client_deleted)
              VALUES (v_conflict_id, p_store, i_entity[i], i_id[i], p_device, i_base[i],
                k_version[k], v_data, i_deleted[i]);
            END IF;
            INSERT INTO mutation_ledger (device_id, mutation_id, store_id, status, result)
            VALUES (p_device, i_mutation[i], p_store, v_result ->> 'status', v_result);
          EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS v_sqlstate = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT;
            v_is_failed := true;
          END;
        ELSIF NOT v_is_isolated THEN
          v_ledger := array_append(v_ledger, v_result);
          IF v_conflict_id IS NOT NULL THEN
            c_id := array_append(c_id, v_conflict_id);
            c_entity := array_append(c_entity, i_entity[i]);
            c_record := array_append(c_record, i_id[i]);
            c_base := array_append(c_base, i_base[i]);
            c_server := array_append(c_server, k_version[k]);
            c_data := array_append(c_data, v_data);
            c_deleted := array_append(c_deleted, i_deleted[i]);
          END IF;
        END IF;
        IF v_is_failed THEN
          -- Rolled back alone, with no ledger entry, so a resend runs it again. The database's
          -- message names the statement and its values: it goes to the log only.
          v_store_errors := array_append(v_store_errors, jsonb_build_object('index', i - 1,
            'code', v_sqlstate, 'message', v_message));
          v_results[i] := jsonb_build_object('mutationId', i_mutation[i], 'entity', i_entity[i],
            'id', i_id[i], 'status', 'retry', 'serverVersion', k_version[k],
            'serverSeq', k_seq[k], 'serverHash', k_hash[k],
            'error', jsonb_build_object('code', 'STORE_ERROR', 'message',
              'the server could not store this record now; it will be retried',
              'retryable', true));
          CONTINUE;
        END IF;
        IF v_kind = 'write' THEN
          k_in_db[k] := k_in_db[k] OR v_is_isolated;
          k_exists[k] := true;
          k_written[k] := true;
          k_version[k] := v_version;
          k_seq[k] := v_seq;
          k_hash[k] := i_hash[i];
          k_data[k] := v_data;
          k_deleted[k] := i_deleted[i];
          k_last[k] := p_device;
          k_updated[k] := v_now;
          v_head := v_seq;
          v_is_changed := true;
        END IF;
        m_result[i_first[i]] := v_result;
        v_results[i] := v_result;
      END LOOP;

      IF NOT v_is_isolated THEN
        -- Each written record once, in its final state; new ones inserted, the others updated.
        INSERT INTO sync_records (store_id, entity, id, version, seq, hash, data, deleted,
          origin_device_id, last_device_id, updated_at)
        SELECT p_store, k_entity[u.key], k_id[u.key], k_version[u.key], k_seq[u.key],
          k_hash[u.key], k_data[u.key], k_deleted[u.key], p_device, p_device, clock_timestamp()
        FROM generate_series(1, n) AS u(key)
        WHERE k_written[u.key] AND NOT k_in_db[u.key];
        -- Updates one by one: a primary key lookup each, whatever the planner thinks of the table.
        FOR k IN 1..n LOOP
          CONTINUE WHEN NOT (k_written[k] AND k_in_db[k]);
          UPDATE sync_records SET version = k_version[k], seq = k_seq[k], hash = k_hash[k],
            data = k_data[k], deleted = k_deleted[k], last_device_id = p_device,
            updated_at = clock_timestamp()
          WHERE store_id = p_store AND entity = k_entity[k] AND id = k_id[k];
        END LOOP;
        IF cardinality(c_id) > 0 THEN
          INSERT INTO sync_conflicts (id, store_id, entity, record_id, device_id, base_version,
            server_version, client_data, client_deleted)
          SELECT c.id, p_store, c.entity, c.record_id, p_device, c.base_version, c.server_version,
            c.client_data, c.client_deleted
          FROM unnest(c_id, c_entity, c_record, c_base, c_server, c_data, c_deleted)
            AS c(id, entity, record_id, base_version, server_version, client_data, client_deleted);
        END IF;
        INSERT INTO mutation_ledger (device_id, mutation_id, store_id, status, result)
        SELECT p_device, l.result ->> 'mutationId', p_store, l.result ->> 'status', l.result
        FROM unnest(v_ledger) AS l(result);
      END IF;
      IF v_is_changed THEN
        UPDATE stores SET head_seq = v_head WHERE id = p_store;
      END IF;
      RETURN jsonb_build_object('results', coalesce(to_jsonb(v_results), '[]'::jsonb),
        'isReplay', coalesce(to_jsonb(v_is_replay), '[]'::jsonb), 'headSeq', v_head,
        'isChanged', v_is_changed, 'isIsolated', v_is_isolated,
        'storeErrors', to_jsonb(v_store_errors));
    EXCEPTION WHEN OTHERS THEN
      -- Only the batch's own writes are worth isolating; an isolated run that fails outside its
      -- per-record subtransactions (the lookups) fails the push.
      IF v_is_isolated THEN
        RAISE;
      END IF;
      v_is_isolated := true;
    END;
  END LOOP;
END $$;
