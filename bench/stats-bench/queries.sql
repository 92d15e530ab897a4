-- The statements StatisticsService runs for one GET .../statistics (series, breakdowns, median).
\set from '''' :from ''''
PREPARE series(timestamptz, timestamptz) AS
  SELECT hour_start, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_hour
  WHERE coupon_set_id = 900001 AND hour_start >= $1 AND hour_start < $2 GROUP BY hour_start ORDER BY hour_start;
