-- Development only (make run, make test): the administrator admin / admin123 (BCrypt, cost 10), which the API warns
-- about at every start while the password works. Deployments never run this file: the containers' PostgreSQL reads
-- only sql/*.sql, and the API creates the first administrator from ADMIN_USERNAME and ADMIN_PASSWORD instead.
-- Inserted only into an empty table, so rerunning this file never resurrects a deleted or renamed admin.
INSERT INTO users (username, email, password_hash, is_admin)
SELECT 'admin', 'admin@example.com', '$2a$10$NeMa8i5Z8t.5zfr4YBpmWOMhaXl1c6eg94rBCfqn8pFhPHiYRgXv.', TRUE
WHERE NOT EXISTS (SELECT 1 FROM users);
