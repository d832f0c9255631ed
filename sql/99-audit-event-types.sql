-- The one list of audit event types (AuditEventType in the API), applied after every other file. A later file that
-- narrowed the check again would refuse the rows of a database that already holds the newer types, so a new type is
-- added here and nowhere else, and the list only grows. Idempotent.
ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_type;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_type CHECK (type IN ('login_succeeded', 'login_failed',
    'login_throttled', 'logout', 'user_created', 'user_updated', 'user_deleted', 'tokens_revoked',
    'signing_key_rotated', 'refresh_token_reused'));
