-- Rate limits and sign-in lockouts shared by every node (on H2 they live in the one node's memory).

-- One token bucket per API key, client address or sign-in address, kept as GCRA's theoretical
-- arrival time: the bucket is full when tat <= now(). Unlogged: a database crash refills every
-- bucket once, and in exchange an update is not flushed to the WAL on the hot API path.
-- No index besides the key, so updates stay HOT; fillfactor leaves room for them.
CREATE UNLOGGED TABLE rate_limit_bucket (
  bucket_key   text        PRIMARY KEY,
  tat          timestamptz NOT NULL,
  last_granted integer     NOT NULL
) WITH (fillfactor = 50);

-- Failed sign-ins per user name and address, in the window that started with the first of them.
CREATE TABLE sign_in_failure (
  subject      text        PRIMARY KEY,
  window_start timestamptz NOT NULL,
  failures     integer     NOT NULL
);
