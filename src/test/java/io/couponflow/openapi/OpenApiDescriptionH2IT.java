package io.couponflow.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.OnH2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description is a contract: the copy the client is generated from (src/test/resources/openapi)
 * is what the app serves, and every operation says who may call it and what it can answer. The description
 * does not depend on the database, so H2 alone checks it.
 */
@OnH2
class OpenApiDescriptionH2IT extends ApiTest {
  static final Path CHECKED_IN = Path.of("src/test/resources/openapi/couponflow.json");
  static final Path SERVED = Path.of("target/openapi/couponflow.json");
  private static final Set<String> FRAMEWORK_TYPES = Set.of("JsonNode", "ObjectNode", "StreamingResponseBody",
      "ProblemDetail", "ResponseEntity", "MultipartFile", "Resource");
  private static final Pattern SLUG_IN_SOURCE = Pattern.compile(
      "(?:conflict|unprocessable|unknown\\(e,)\\(?\\s*\"([a-z]+(?:-[a-z]+)*)\""
          + "|(?:new ApiException|Problems\\.of)\\(HttpStatus\\.[A-Z_]+, \"([a-z]+(?:-[a-z]+)*)\"");

  @Test
  void theCheckedInDescriptionIsTheOneTheAppServes() throws IOException {
    String served = served().text();
    JsonNode live = ApiClient.JSON.readTree(served);
    JsonNode copy = ApiClient.JSON.readTree(Files.readString(CHECKED_IN));
    Files.createDirectories(SERVED.getParent());
    Files.writeString(SERVED, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
    if (!live.equals(copy)) {
      fail("The API description changed: the generated client would no longer match the app. Review the "
          + "difference (diff " + CHECKED_IN + " " + SERVED + "), then update the copy: cp " + SERVED + " "
          + CHECKED_IN + " and rebuild (mvn test-compile regenerates the client)");
    }
  }

  @Test
  void everyApiOperationNeedsTheKeyHasAReadableIdAndAnswersProblems() {
    JsonNode description = served().json();
    assertThat(description.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("Authorization");
    Set<String> ids = new TreeSet<>();
    List<String> operations = new ArrayList<>();
    description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
      JsonNode operation = entry.getValue();
      String name = entry.getKey().toUpperCase() + " " + path.getKey();
      operations.add(name);
      String id = operation.path("operationId").asString();
      assertThat(id).as(name).matches("[a-z][A-Za-z]+");
      assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
      assertThat(operation.path("tags")).as(name).isNotEmpty();
      if (path.getKey().startsWith("/api/")) {
        assertThat(operation.at("/security/0/apiKey").isArray()).as(name + " declares the apiKey scheme").isTrue();
        assertThat(operation.at("/responses/401/content/application~1problem+json/schema/$ref").asString())
            .as(name + " answers 401 with a problem").isEqualTo("#/components/schemas/Problem");
      }
      operation.get("responses").properties().forEach(response -> {
        if (response.getKey().startsWith("4")) {
          assertThat(response.getValue().at("/content/application~1problem+json/examples").size())
              .as(name + " " + response.getKey() + " lists its problem types").isPositive();
        }
      });
    }));
    assertThat(operations).contains("POST /api/v1/coupon-sets", "PATCH /api/v1/coupon-sets/{id}",
        "POST /api/v1/imports", "POST /api/v1/coupon-sets/{id}/assignments");
    assertThat(ids).contains("createCouponSet", "updateCouponSet", "assignCoupon", "createImport", "redeemCode");
  }

  @Test
  void creationsAnswer201AndThePatchBodyIsARealSchema() {
    JsonNode paths = served().json().get("paths");
    assertThat(paths.at("/~1api~1v1~1coupon-sets/post/responses/201/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/CouponSetView");
    assertThat(paths.at("/~1api~1v1~1coupon-sets~1{id}~1assignments/post/responses").propertyNames())
        .contains("200", "201", "409", "422");
    JsonNode patch = served().json().at("/components/schemas/CouponSetPatch/properties");
    assertThat(patch.propertyNames()).containsExactlyInAnyOrder("name", "quantity", "assignmentPolicy", "expiresAt");
    assertThat(patch.at("/quantity/nullable").asBoolean()).isTrue();
    JsonNode form = served().json().at("/components/schemas/ImportForm/properties");
    assertThat(form.propertyNames()).contains("couponSetId", "childSetId", "delimiter", "hasHeader", "codeColumn",
        "file", "text");
    assertThat(form.at("/file/format").asString()).isEqualTo("binary");
  }

  @Test
  void noFrameworkTypeAppearsAsASchema() {
    assertThat(served().json().at("/components/schemas").propertyNames()).doesNotContainAnyElementsOf(FRAMEWORK_TYPES);
  }

  @Test
  void everyProblemTypeTheCodeAnswersIsListedInTheProblemSchema() throws IOException {
    String listed = served().json().at("/components/schemas/Problem/properties/type/description").asString();
    Set<String> thrown = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/couponflow"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")
          && !p.toString().contains("/web/")).toList()) {
        Matcher matcher = SLUG_IN_SOURCE.matcher(Files.readString(source));
        while (matcher.find()) {
          thrown.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
      }
    }
    // a setting only the UI changes: no API operation can answer it
    thrown.remove("web-secret-from-environment");
    assertThat(thrown).hasSizeGreaterThan(20);
    assertThat(thrown).allSatisfy(slug -> assertThat(listed).as("the Problem schema lists " + slug)
        .contains("`" + slug + "`"));
  }

  private ApiClient.Response served() {
    ApiClient.Response response = api.withKey(null).get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    return response;
  }
}
