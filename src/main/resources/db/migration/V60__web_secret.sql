-- The generated web secret that signs contact ids for /web/** (unused when COUPONFLOW_WEB_SECRET is set).
-- The highest generation is current; an older one stays valid for the grace period after its successor's created_at.
CREATE TABLE web_secret (
    generation INTEGER                  PRIMARY KEY,
    secret     VARCHAR(128)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A key's shown prefix is at most 4 characters and at most half of the key; older rows kept 10 (all of a short key).
UPDATE api_key SET key_prefix = SUBSTRING(key_prefix FROM 1 FOR LEAST(4, CHAR_LENGTH(key_prefix) / 2));
