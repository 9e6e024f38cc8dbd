-- When an audit event happened, for the back office's audit log: the register's createdAt when it
-- is a whole UTC instant ("2026-06-10T14:05:00.000Z", as the registers write it), else when the
-- server first stored the record. IMMUTABLE is honest here: only a UTC text with its "Z" is cast,
-- which reads the same under any TimeZone setting; anything else (a bad date too) falls back, so a
-- push is never refused for a time the index cannot read.
CREATE FUNCTION audit_at(p_data jsonb, p_created timestamptz) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  value text := p_data->>'createdAt';
BEGIN
  IF value ~ '^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z$'
    AND substr(value, 9, 2)::int <= extract(day FROM
      make_date(substr(value, 1, 4)::int, substr(value, 6, 2)::int, 1) + interval '1 month - 1 day')
  THEN
    RETURN value::timestamptz;
  END IF;
  RETURN p_created;
END
$$;
--> statement-breakpoint
CREATE INDEX "sync_records_audit_idx" ON "sync_records" USING btree ("store_id",audit_at("data", "created_at"),"id") WHERE "sync_records"."entity" = 'auditEvent';
