package io.couponflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couponflow.common.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WebhookUrlsTest {
  private static WebhookUrls urls(boolean allowPrivate) {
    Duration s = Duration.ofSeconds(1);
    return new WebhookUrls(new WebhookProperties(allowPrivate, 1, 1, 1, s, s, s, s, s, s, s, s));
  }

  @Test
  void loopbackPrivateAndLinkLocalAddressesAreRefusedWith422() {
    for (String url : new String[] {"http://127.0.0.1/hook", "https://10.1.2.3/x", "http://192.168.0.10:8080/",
        "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/",
        "http://0.0.0.0/", "http://100.64.0.1/"}) {
      assertThatThrownBy(() -> urls(false).check(url)).as(url).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(e.field()).isEqualTo("url");
        assertThat(e.getMessage()).contains("COUPONFLOW_WEBHOOKS_ALLOW_PRIVATE");
      });
    }
  }

  @Test
  void publicAddressesPassAndPrivateOnesWhenAllowed() {
    assertThat(urls(false).check("https://93.184.215.14/hooks").getHost()).isEqualTo("93.184.215.14");
    assertThat(urls(true).check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
  }

  @Test
  void malformedUrlsAreRefusedWith400() {
    for (String url : new String[] {"", "ftp://shop.example/x", "shop.example/hook", "https://user:pw@93.184.215.14/",
        "http:///nohost"}) {
      assertThatThrownBy(() -> urls(true).check(url)).as(url).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
  }
}
