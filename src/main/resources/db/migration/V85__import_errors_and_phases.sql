-- An import's rejected rows (its error report) live apart from its staging rows, so staging can be
-- thrown away as soon as the import is over (on PostgreSQL it is unlogged: db/vendor/postgresql/V86).
CREATE TABLE import_error (
    import_id  BIGINT        NOT NULL,
    line_no    BIGINT        NOT NULL,
    code_value VARCHAR(1000) NOT NULL,
    reason     VARCHAR(32)   NOT NULL,
    PRIMARY KEY (import_id, line_no)
);
-- the error reports of imports finished before: staging then kept only their rejected rows
INSERT INTO import_error (import_id, line_no, code_value, reason)
SELECT s.import_id, s.line_no, s.code_value, s.reason
FROM import_staging s JOIN import_job j ON j.id = s.import_id AND j.attempt = s.attempt
WHERE j.status = 'finished' AND s.reason IS NOT NULL;
DELETE FROM import_staging WHERE import_id IN (SELECT id FROM import_job WHERE status = 'finished');

-- What a running import is doing: 'reading' (file_percent of the file's bytes read so far),
-- 'checking' (duplicates within the file), 'adding' (the one transaction that adds the codes).
ALTER TABLE import_job ADD COLUMN phase VARCHAR(16);
ALTER TABLE import_job ADD COLUMN file_percent INTEGER;

-- the key buckets of the old sliced duplicate search: both databases now read an import's rows in key order once
ALTER TABLE import_staging DROP COLUMN bucket;
