package io.couponflow.statistics;

/**
 * A 95% confidence interval for a conversion (redeemed of assigned), by the Wilson score method: it
 * stays inside 0..1 and is honest for small counts, where the normal approximation is not.
 */
public record ConversionInterval(double low, double high) {
  static final double Z95 = 1.959964;

  /** null when there were no trials. */
  public static ConversionInterval wilson(long successes, long trials) {
    if (trials <= 0) {
      return null;
    }
    double n = trials;
    double p = Math.min(1.0, Math.max(0.0, successes / n));
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // exact at the edges, where rounding would leave 0.9999999999999999
    return new ConversionInterval(successes <= 0 ? 0 : Math.max(0, centre - half),
        successes >= trials ? 1 : Math.min(1, centre + half));
  }

  /** True when this interval lies wholly above the other: ahead with 95% confidence. */
  public boolean above(ConversionInterval other) {
    return other != null && low > other.high;
  }
}
