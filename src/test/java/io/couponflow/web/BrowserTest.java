package io.couponflow.web;

import io.couponflow.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A page test: one signed-in Chromium for the whole class, over the shared application context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends ApiTest {
  protected Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = new Browser(port);
    browser.logIn();
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
