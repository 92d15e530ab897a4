package io.couponflow.support;

public final class TestKeys {
  public static final String API_KEY = "cf_test_admin_key_0123456789";
  public static final String ADMIN_PASSWORD = "correct-horse-battery";
  public static final String SHOPIFY_SECRET = "shpss_test_secret";
  static final String API_KEY_PROPERTY = "couponflow.api-key=" + API_KEY;
  static final String ADMIN_PASSWORD_PROPERTY = "couponflow.admin-password=" + ADMIN_PASSWORD;

  private TestKeys() {}
}
