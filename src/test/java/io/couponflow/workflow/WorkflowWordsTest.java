package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowWordsTest {
  private final WorkflowWords words = new WorkflowWords();

  @Test
  void runCountsStepsAndFlowsReadAsWords() {
    assertThat(words.runSummary(Map.of("finished", 8L, "skipped", 2L))).isEqualTo("8 finished · 2 skipped");
    assertThat(words.runSummary(Map.of())).isEqualTo("No runs yet");
    assertThat(words.step(new RunStep(0, "assign-coupon", "assigned", "X1", null, Instant.EPOCH)))
        .isEqualTo("Assign coupon: code given");
    assertThat(words.status("running")).isEqualTo("Under way");
    assertThat(words.status("draft")).isEqualTo("Draft");
    assertThat(WorkflowWords.node("send-web-content")).isEqualTo("Send web content");
  }

  @Test
  void validatorMessagesNameTheStepAndTheFieldAsTheEditorDoes() {
    assertThat(WorkflowWords.problem("node 1 (assign-coupon): couponSetId is required"))
        .isEqualTo("Step 1 (Assign coupon): choose a coupon set");
    assertThat(WorkflowWords.problem("node 2 (assign-coupon): Coupon set 12 does not exist"))
        .isEqualTo("Step 2 (Assign coupon): its coupon set was deleted: choose another");
    assertThat(WorkflowWords.problem("name is required (1 to 200 characters)")).isEqualTo("Give the workflow a name.");
  }
}
