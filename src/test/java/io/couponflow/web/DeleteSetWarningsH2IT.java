package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.OnH2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deleting a set that workflows use, with real workflows: named, linked, and refused in advance when one is active. */
@OnH2
class DeleteSetWarningsH2IT extends BrowserTest {

  @Test
  void deletingASetADraftWorkflowUsesWarnsByNameAndActivatingItLaterSaysTheSetWasDeleted() {
    long setId = createMultipleSet("Winback codes " + unique(""), 2).get("id").asLong();
    String name = "Winback " + unique("").substring(0, 5);
    long workflowId = workflow(name, setId);

    browser.open("/coupons/" + setId + "/delete");
    assertThat(browser.text("#draft-warning")).contains("“" + name + "”").contains("(draft)")
        .contains("can't be activated until the Assign coupon step uses another set");
    assertThat(browser.find("#draft-warning a").getAttribute("href")).endsWith("/workflows/" + workflowId);
    assertThat(browser.all("#blocked")).isEmpty();
    assertThat(browser.find("#confirm-delete").isEnabled()).isTrue();
    browser.screenshots("delete-set-draft-warning");
    browser.click("#confirm-delete");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    assertThat(api.get("/api/v1/coupon-sets/" + setId).status()).isEqualTo(404);

    var viaApi = api.post("/api/v1/workflows/" + workflowId + "/activate", Map.of());
    assertThat(viaApi.status()).as(viaApi.text()).isEqualTo(400);
    assertThat(viaApi.json().get("detail").asString())
        .isEqualTo("The coupon set used by 'Assign coupon' (step 1) was deleted; choose another set");
    browser.open("/workflows/" + workflowId);
    browser.click("form[action$='/activate'] button");
    assertThat(browser.text(".alert-error")).contains("The coupon set used by 'Assign coupon' (step 1) was deleted; choose another set");
    browser.screenshots("workflow-activate-set-deleted");
    assertThat(api.get("/api/v1/workflows/" + workflowId).json().get("status").asString()).isEqualTo("draft");
  }

  @Test
  void theDeleteConfirmationIsDisabledWhileAnActiveWorkflowUsesTheSetAndNamesIt() {
    long setId = createMultipleSet("Birthday codes " + unique(""), 2).get("id").asLong();
    String name = "Birthday email " + unique("").substring(0, 5);
    long workflowId = workflow(name, setId);
    assertThat(api.post("/api/v1/workflows/" + workflowId + "/activate", Map.of()).status()).isEqualTo(200);
    try {
      browser.open("/coupons");
      assertThat(browser.text("#sets tr[data-set-id='" + setId + "'] .workflows")).contains(name);
      browser.open("/coupons/" + setId + "/delete");
      assertThat(browser.text("#blocked")).contains("“" + name + "” is active").contains("Pause it");
      assertThat(browser.find("#confirm-delete").isEnabled()).as("Delete would be refused").isFalse();
      browser.screenshots("delete-set-blocked");

      var refused = api.delete("/api/v1/coupon-sets/" + setId);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("detail").asString()).contains("'" + name + "'");
      assertThat(api.get("/api/v1/coupon-sets/" + setId).json().get("usedInWorkflows").get(0).get("name").asString())
          .isEqualTo(name);
    } finally {
      api.post("/api/v1/workflows/" + workflowId + "/pause", Map.of());
    }
    browser.open("/coupons/" + setId + "/delete");
    assertThat(browser.text("#draft-warning")).contains("(paused)");
    assertThat(browser.find("#confirm-delete").isEnabled()).isTrue();
  }

  private long workflow(String name, long setId) {
    var created = api.post("/api/v1/workflows", Map.of("name", name, "trigger", Map.of("event", "never-" + unique("")),
        "nodes", List.of(Map.of("type", "assign-coupon", "couponSetId", setId),
            Map.of("type", "send-email", "subject", "A gift", "html", "<p>Your code: {{coupon}}</p>"))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }
}
