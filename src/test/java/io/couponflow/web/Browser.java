package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.TestKeys;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Debian Chromium signed in as the marketer, with the few moves the UI tests repeat. */
public final class Browser implements AutoCloseable {
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver driver;
  public final String base;
  private final Path profile;

  Browser(int port) {
    try {
      profile = Files.createTempDirectory("couponflow-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + profile);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    driver = new ChromeDriver(service, options);
    base = "http://localhost:" + port;
  }

  public void open(String path) {
    driver.get(base + path);
  }

  void logIn() {
    open("/coupons");
    assertThat(driver.getCurrentUrl()).contains("/login");
    driver.findElement(By.id("username")).sendKeys("admin");
    driver.findElement(By.id("password")).sendKeys(TestKeys.ADMIN_PASSWORD);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(d -> d.getCurrentUrl().contains("/coupons") && !d.getCurrentUrl().contains("/login"));
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public java.util.List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The element's text once it is on the page: after a click that submits a form, the new page may come a moment later. */
  public String text(String css) {
    return waitFor(d -> {
      try {
        return d.findElement(By.cssSelector(css)).getText();
      } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException loading) {
        return null;
      }
    });
  }

  public void type(String css, String value) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(value);
  }

  public void click(String css) {
    find(css).click();
  }

  public <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
  }

  public void waitForText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  String sessionCookie() {
    return driver.manage().getCookieNamed("JSESSIONID").getValue();
  }

  /** Saves the page at desktop (1280 px) and phone (390 px) width. */
  public void screenshots(String name) {
    screenshot(name + "-1280", 1280);
    screenshot(name + "-390", 390);
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  private void screenshot(String name, int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    for (int i = 0; i < 3; i++) {
      // the window has a frame of its own: grow it until the whole page fits in the viewport
      long missing = (Long) driver.executeScript(
          "return document.documentElement.scrollHeight - window.innerHeight");
      if (missing <= 0) {
        break;
      }
      Dimension size = driver.manage().window().getSize();
      driver.manage().window().setSize(new Dimension(width, (int) Math.min(size.getHeight() + missing, 5000)));
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
