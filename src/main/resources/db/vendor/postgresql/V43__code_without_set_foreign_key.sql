-- PostgreSQL only (db/vendor/{vendor}). The foreign key from code to coupon_set ran one trigger
-- query per inserted code: a quarter to a third of the time of a big import's final transaction
-- (measured in docs/benchmarks.md). Whoever inserts codes now holds the set row with one
-- FOR KEY SHARE lock (SqlDialect.holdSetForNewCodes), and deleting a set deletes its codes
-- explicitly (CouponSetService.delete), which is what the cascade did.
ALTER TABLE code DROP CONSTRAINT code_coupon_set_id_fkey;
