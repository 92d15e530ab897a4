-- New subscriptions are numbered after the migrated alert webhooks.
SELECT setval(pg_get_serial_sequence('webhook_subscription', 'id'),
              (SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_subscription), false);

-- Alert webhook deliveries still pending move into the outbox, in the new envelope.
INSERT INTO webhook_delivery (subscription_id, event_id, event_type, lane, payload, status, attempts, next_attempt_at,
                              created_at)
SELECT d.webhook_id, d.event_id, 'coupon-set.alert', d.coupon_set_id,
       '{"id":"' || d.event_id || '","type":"coupon-set.alert","at":"'
           || to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","data":' || d.payload || '}',
       'pending', 0, d.created_at, d.created_at
FROM alert_delivery d JOIN webhook_subscription s ON s.id = d.webhook_id
WHERE d.channel = 'webhook' AND d.status = 'pending'
ORDER BY d.id;

DROP TABLE alert_webhook;
