package io.couponflow.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.couponflow.client.ApiClient;
import io.couponflow.client.ApiException;
import io.couponflow.client.ApiResponse;
import io.couponflow.client.api.AssignmentsApi;
import io.couponflow.client.api.CouponSetsApi;
import io.couponflow.client.api.ImportsApi;
import io.couponflow.client.api.RedemptionsApi;
import io.couponflow.client.api.StatisticsApi;
import io.couponflow.client.model.AssignRequest;
import io.couponflow.client.model.AssignmentView;
import io.couponflow.client.model.CouponSetPatch;
import io.couponflow.client.model.CouponSetView;
import io.couponflow.client.model.CreateCouponSetRequest;
import io.couponflow.client.model.ImportView;
import io.couponflow.client.model.Problem;
import io.couponflow.client.model.RedeemRequest;
import io.couponflow.client.model.Redemption;
import io.couponflow.client.model.StatisticsView;
import io.couponflow.support.ApiTest;
import io.couponflow.support.TestKeys;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.jackson.nullable.JsonNullable;

/**
 * The main flows driven by the Java client that openapi-generator (native library) makes from the checked-in
 * description, against the running app: what an integrator's generated client would do, on H2 and PostgreSQL.
 */
abstract class GeneratedClientContract extends ApiTest {
  private static final Set<String> OVER = Set.of("finished", "error", "cancelled");

  private CouponSetsApi couponSets;
  private ImportsApi imports;
  private AssignmentsApi assignments;
  private RedemptionsApi redemptions;
  private StatisticsApi statistics;

  @TempDir Path dir;

  @BeforeEach
  void generatedClient() {
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + port);
    // the native library has no auth support of its own: the key goes in as the scheme says
    client.setRequestInterceptor(request -> request.header("Authorization", "apiKey " + TestKeys.API_KEY));
    client.setReadTimeout(Duration.ofSeconds(60));
    couponSets = new CouponSetsApi(client);
    imports = new ImportsApi(client);
    assignments = new AssignmentsApi(client);
    redemptions = new RedemptionsApi(client);
    statistics = new StatisticsApi(client);
  }

  @Test
  void createsSetsImportsAFileAndPollsItUntilItIsFinished() throws Exception {
    ApiResponse<CouponSetView> created = couponSets.createCouponSetWithHttpInfo(new CreateCouponSetRequest()
        .name("Generated client " + UUID.randomUUID()).type(CreateCouponSetRequest.TypeEnum.MULTIPLE));
    assertThat(created.getStatusCode()).isEqualTo(201);
    long setId = created.getData().getId();
    String prefix = unique("GEN");
    File csv = csv("code,discount\n" + prefix + "-1,10\n" + prefix + "-2,10\n" + prefix + "-1,10\n");

    ImportView queued = imports.createImport(setId, null, "code", ",", "none", csv, true, null, "coupons");
    assertThat(queued.getStatus()).isIn("queued", "inProgress", "finished");
    ImportView done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> imports.getImport(queued.getId()), view -> OVER.contains(view.getStatus()));

    assertThat(done.getStatus()).isEqualTo("finished");
    assertThat(done.getSuccess()).isEqualTo(2);
    assertThat(done.getErrors()).isEqualTo(1);
    assertThat(done.getFileName()).isEqualTo(csv.getName());
    assertThat(Files.readString(imports.getImportErrors(queued.getId()).toPath())).contains("duplicate-in-file");
    assertThat(couponSets.getCouponSet(setId).getAvailable()).isEqualTo(2);
  }

  @Test
  void assignsWithAnIdempotencyKeyAndTheReplayAnswersTheSameCode() throws Exception {
    long setId = createMultipleSet("Idempotent " + UUID.randomUUID(), 3, "new-each-time").get("id").asLong();
    AssignRequest request = new AssignRequest().contactId(unique("contact-"));
    String key = UUID.randomUUID().toString();

    ApiResponse<AssignmentView> first = assignments.assignCouponWithHttpInfo(setId, request, key);
    ApiResponse<AssignmentView> replay = assignments.assignCouponWithHttpInfo(setId, request, key);
    ApiResponse<AssignmentView> otherKey = assignments.assignCouponWithHttpInfo(setId, request, UUID.randomUUID().toString());

    assertThat(first.getStatusCode()).isEqualTo(201);
    assertThat(first.getData().getReused()).isFalse();
    assertThat(replay.getStatusCode()).isEqualTo(200);
    assertThat(replay.getData().getReused()).isTrue();
    assertThat(replay.getData().getCode()).isEqualTo(first.getData().getCode());
    assertThat(replay.getData().getId()).isEqualTo(first.getData().getId());
    assertThat(otherKey.getStatusCode()).isEqualTo(201);
    assertThat(otherKey.getData().getCode()).isNotEqualTo(first.getData().getCode());
    assertThat(couponSets.getCouponSet(setId).getAssigned()).isEqualTo(2);
  }

  @Test
  void aReportedRedemptionShowsInTheStatistics() throws Exception {
    long setId = createMultipleSet("Redeemed " + UUID.randomUUID(), 2).get("id").asLong();
    AssignmentView assigned = assignments.assignCoupon(setId, new AssignRequest().contactId(unique("buyer-")), null);

    ApiResponse<Redemption> redeemed = redemptions.redeemCodeWithHttpInfo(new RedeemRequest()
        .code(assigned.getCode()).orderId(unique("order-")).amount(new BigDecimal("59.90")).currency("EUR"));

    assertThat(redeemed.getStatusCode()).isEqualTo(201);
    assertThat(redeemed.getData().getCouponSetId()).isEqualTo(setId);
    StatisticsView stats = statistics.getStatistics(setId, null, null, "day", null, null);
    assertThat(stats.getSummary().getAssigned()).isEqualTo(1);
    assertThat(stats.getSummary().getRedeemed()).isEqualTo(1);
    assertThat(stats.getItems()).isNotEmpty();
    assertThat(couponSets.getCouponSet(setId).getRedeemed()).isEqualTo(1);
  }

  @Test
  void anExhaustedSetAnswersAProblemTheClientReads() throws Exception {
    long setId = createMultipleSet("Exhausted " + UUID.randomUUID(), 1, "new-each-time").get("id").asLong();
    assignments.assignCoupon(setId, new AssignRequest().contactId(unique("first-")), null);

    assertThatThrownBy(() -> assignments.assignCoupon(setId, new AssignRequest().contactId(unique("second-")), null))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
          Problem problem = problem(e);
          assertThat(problem.getType().toString()).isEqualTo("https://couponflow.io/problems/coupon-set-exhausted");
          assertThat(problem.getStatus()).isEqualTo(409);
          assertThat(problem.getTitle()).isNotBlank();
          assertThat(problem.getDetail()).isNotBlank();
        });
  }

  @Test
  void aPatchChangesOnlyTheFieldsItSendsAndNullMakesTheQuantityUnlimited() throws Exception {
    CouponSetView single = couponSets.createCouponSet(new CreateCouponSetRequest().name("Patch " + UUID.randomUUID())
        .type(CreateCouponSetRequest.TypeEnum.SINGLE).code(unique("PATCH")).quantity(200L));

    CouponSetView renamed = couponSets.updateCouponSet(single.getId(), new CouponSetPatch().name("Renamed"));
    assertThat(renamed.getName()).isEqualTo("Renamed");
    assertThat(renamed.getQuantity()).isEqualTo(200L);
    assertThat(renamed.getAssignmentPolicy()).isEqualTo(single.getAssignmentPolicy());

    CouponSetPatch unlimited = new CouponSetPatch();
    unlimited.setQuantity_JsonNullable(JsonNullable.of(null));
    CouponSetView cleared = couponSets.updateCouponSet(single.getId(), unlimited);
    assertThat(cleared.getQuantity()).isNull();
    assertThat(cleared.getTotal()).isNull();
    assertThat(cleared.getName()).isEqualTo("Renamed");
  }

  @Test
  void anInvalidBodyAnswersAValidationProblemNamingTheField() throws Exception {
    assertThatThrownBy(() -> couponSets.createCouponSet(new CreateCouponSetRequest().name(" ")
        .type(CreateCouponSetRequest.TypeEnum.MULTIPLE)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          Problem problem = problem(e);
          assertThat(problem.getType().toString()).endsWith("/validation-failed");
          assertThat(problem.getErrors()).anySatisfy(error -> assertThat(error.getField()).isEqualTo("name"));
        });
  }

  private Problem problem(ApiException e) {
    try {
      return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    } catch (IOException parse) {
      throw new AssertionError("not a problem: " + e.getResponseBody(), parse);
    }
  }

  private File csv(String content) throws IOException {
    Path file = dir.resolve("codes-" + UUID.randomUUID() + ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toFile();
  }
}
