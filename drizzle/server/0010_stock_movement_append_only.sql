-- A stock movement is a log entry like a cash movement: the registry (src/server/sync/registry.ts)
-- refuses changing or deleting one, and the stock projection (0009) folds each movement in once,
-- when its cursor passes it. The push function's copy of the entity rules missed stockMovement, so
-- a pushed change or delete was stored and on hand silently kept the old figure. The rules are
-- re-created here with stockMovement among the append-only logs.
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
  WHEN 'cashMovement', 'auditEvent', 'stockMovement' THEN
    -- A log: written once, never changed or removed.
    RETURN jsonb_build_object('code', 'APPEND_ONLY', 'message',
      format('%s cannot be changed or deleted once recorded',
        CASE p_entity WHEN 'cashMovement' THEN 'a cash movement'
          WHEN 'stockMovement' THEN 'a stock movement' ELSE 'an audit event' END),
      'retryable', false);
  ELSE
    RETURN NULL;
  END CASE;
END $$;
