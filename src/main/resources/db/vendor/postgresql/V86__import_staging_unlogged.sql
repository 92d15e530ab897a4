-- PostgreSQL only. Imports at the speed of COPY (measured in docs/benchmarks.md):
-- staging rows are scratch work redone by every attempt, so they skip the WAL (UNLOGGED: a crash
-- empties the table, and the revived import stages its file again) and carry no index (each
-- import reads its own rows once, in one sort, in its final transaction).
ALTER TABLE import_staging DROP CONSTRAINT import_staging_pkey;
ALTER TABLE import_staging SET UNLOGGED;
-- keys compare byte by byte: the import's sort runs on memcmp instead of the locale's strcoll, and
-- the order it inserts in is the unique index's own order (equality is the same in both)
ALTER TABLE import_staging ALTER COLUMN code_key TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE code ALTER COLUMN code_key TYPE VARCHAR(256) COLLATE "C";
-- codes without an expiry (every imported one) no longer write an entry here; the sweep's
-- "expires_at <= now" implies NOT NULL, so it still uses the index
DROP INDEX free_code_expires_idx;
CREATE INDEX free_code_expires_idx ON free_code (expires_at) WHERE expires_at IS NOT NULL;
