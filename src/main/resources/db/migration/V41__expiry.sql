-- Expiry: a set's expires_at stops all its assignments; a code's expires_at is copied onto its
-- free_code row so the claim can skip it without a join. Expired free codes are swept off the
-- queue by a recurring job and counted in set_counter.expired.
ALTER TABLE coupon_set ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE code ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE free_code ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX free_code_expires_idx ON free_code (expires_at);
ALTER TABLE set_counter ADD COLUMN expired BIGINT NOT NULL DEFAULT 0;
