-- H2 keeps the foreign key from code to coupon_set (V1): its imports are small, and the key
-- does what PostgreSQL's db/vendor/postgresql/V43 replaces with one lock per transaction.
SELECT 1;
