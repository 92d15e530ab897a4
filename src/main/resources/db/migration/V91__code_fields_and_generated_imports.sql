-- Per-code fields: the non-code columns of an import (or the fields of POST /codes), one JSON
-- object per code, NULL when the code has none. One column keeps the import's insert a single
-- statement and the claim a single row read (the assignment answers the fields it claimed).
ALTER TABLE code ADD COLUMN fields VARCHAR;
ALTER TABLE import_staging ADD COLUMN fields VARCHAR;
-- which columns of the file become fields: "index=name;index=name" (0-based), NULL for none
ALTER TABLE import_job ADD COLUMN field_columns VARCHAR(4000);
-- generated imports (type 'generated'): the pattern and how many codes were asked for
ALTER TABLE import_job ADD COLUMN pattern VARCHAR(64);
ALTER TABLE import_job ADD COLUMN requested BIGINT;
