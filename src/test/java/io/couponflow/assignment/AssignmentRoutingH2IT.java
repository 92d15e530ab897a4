package io.couponflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiTest;
import io.couponflow.support.OnH2;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assignment call's own lookup (AssignmentHandlerMapping) answers exactly as Spring's mappings did. */
@OnH2
class AssignmentRoutingH2IT extends ApiTest {

  @Test
  void theAssignmentCallIsBoundValidatedAndMeasuredUnderItsPattern() {
    long setId = createMultipleSet("routing", 2).get("id").asLong();

    var made = assign(setId, "routed-contact");
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    assertThat(made.json().get("couponSetId").asLong()).isEqualTo(setId);
    var invalid = api.post("/api/v1/coupon-sets/" + setId + "/assignments", Map.of("contactId", ""));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("contactId");
    assertThat(api.post("/api/v1/coupon-sets/999999999/assignments", Map.of("contactId", "x")).status()).isEqualTo(404);
    assertThat(api.withKey(null).post("/api/v1/coupon-sets/" + setId + "/assignments", Map.of("contactId", "x"))
        .status()).isEqualTo(401);

    assertThat(api.withKey(null).get("/actuator/prometheus").text().lines()
        .filter(l -> l.startsWith("http_server_requests_seconds_count"))
        .filter(l -> l.contains("uri=\"/api/v1/coupon-sets/{id}/assignments\"")))
        .as("metrics name the pattern, not each set's path").isNotEmpty();
  }

  @Test
  void pathsItDoesNotKnowFallThroughToTheUsualMappings() {
    var notANumber = api.post("/api/v1/coupon-sets/abc/assignments", Map.of("contactId", "x"));
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/v1/coupon-sets/1/assignments").status()).isEqualTo(405);
  }
}
