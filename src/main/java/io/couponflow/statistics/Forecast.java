package io.couponflow.statistics;

import java.time.Instant;

/**
 * When a set runs dry at the recent assignment rate. available and daysLeft are null for an unlimited
 * set; daysLeft is null too when nothing was assigned in the window.
 */
public record Forecast(Long available, int windowDays, double assignedPerDay, Double daysLeft, Instant runsOutAt) {}
