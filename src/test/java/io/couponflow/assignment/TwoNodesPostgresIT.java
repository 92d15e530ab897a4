package io.couponflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.CouponflowApplication;
import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.FreshPostgresDatabase;
import io.couponflow.support.OnPostgres;
import io.couponflow.support.TestKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A second application node on the same PostgreSQL database: both hand out codes, none twice. */
@OnPostgres
class TwoNodesPostgresIT extends ApiTest {
  private static ConfigurableApplicationContext secondNode;

  @BeforeAll
  static void startSecondNode() {
    FreshPostgresDatabase.ensureCreated();
    // command-line arguments: they outrank application.yml, as the environment does in production
    secondNode = new SpringApplicationBuilder(CouponflowApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + FreshPostgresDatabase.URL,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--couponflow.api-key=" + TestKeys.API_KEY,
        "--couponflow.admin-password=" + TestKeys.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stopSecondNode() {
    if (secondNode != null) {
      secondNode.close();
    }
  }

  @Test
  void twoNodesNeverHandOutTheSameCode() throws Exception {
    int port2 = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    ApiClient node2 = new ApiClient(port2, TestKeys.API_KEY);
    long setId = createMultipleSet("two nodes", 400, "new-each-time").get("id").asLong();
    long singleId = createSingleSet("two nodes single", unique("TWO"), 40L).get("id").asLong();

    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Callable<ApiClient.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      ApiClient node = i % 2 == 0 ? api : node2;
      String contact = "two-node-" + i;
      calls.add(() -> node.post("/api/v1/coupon-sets/" + setId + "/assignments", java.util.Map.of("contactId", contact)));
      calls.add(() -> node.post("/api/v1/coupon-sets/" + singleId + "/assignments", java.util.Map.of("contactId", contact)));
    }
    List<String> codes = new ArrayList<>();
    int singleSuccesses = 0;
    int exhausted = 0;
    for (Future<ApiClient.Response> f : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
      ApiClient.Response r = f.get();
      assertThat(r.status()).as(r.text()).isIn(201, 409);
      if (r.status() == 409) {
        exhausted++;
      } else if (r.json().get("couponSetId").asLong() == setId) {
        codes.add(r.json().get("code").asString());
      } else {
        singleSuccesses++;
      }
    }
    pool.shutdownNow();

    Set<String> distinct = new HashSet<>(codes);
    assertThat(codes).hasSize(400);
    assertThat(distinct).hasSize(400);
    assertThat(singleSuccesses).isEqualTo(40);
    assertThat(exhausted).isEqualTo(200 + 560);
    assertThat(node2.get("/api/v1/coupon-sets/" + setId).json().get("assigned").asLong()).isEqualTo(400);
    assertThat(set(singleId).get("assigned").asLong()).isEqualTo(40);
  }
}
