package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowFormTest {

  @Test
  void aWorkflowThroughTheEditorFormComesBackUnchangedSplitAndWaitIncluded() {
    List<Node> nodes = List.of(
        new AssignCouponNode(7L, null, "coupon", OnExhausted.STOP, null, List.of(new SplitShare(1L, 1), new SplitShare(2L, 3))),
        new WaitNode("P2D"),
        new WaitNode("PT90M"),
        new WaitNode("PT90S"),
        new SendEmailNode("Your code", "<p>{{coupon}}</p>"),
        new SendWebContentNode("<p>Hi</p>"));
    Workflow workflow = new Workflow(1, "Spring", new Trigger("signup"), WorkflowStatus.DRAFT, nodes, Instant.EPOCH, Instant.EPOCH);

    WorkflowRequest request = WorkflowForm.of(workflow).toRequest();

    assertThat(request.nodes()).containsExactly(
        nodes.get(0), new WaitNode("P2D"), new WaitNode("PT90M"), new WaitNode("PT90S"), nodes.get(4), nodes.get(5));
    WorkflowForm.NodeForm wait = WorkflowForm.of(workflow).getNodes().get(1);
    assertThat(wait.getWaitAmount()).isEqualTo(2);
    assertThat(wait.getWaitUnit()).isEqualTo("days");
  }

  @Test
  void aWaitIsSentAsTheIsoDurationOfItsAmountAndUnit() {
    WorkflowForm.NodeForm wait = WorkflowForm.NodeForm.blank(WaitNode.TYPE);
    assertThat(wait.toNode()).isEqualTo(new WaitNode("PT1H"));
    wait.setWaitAmount(30L);
    wait.setWaitUnit("minutes");
    assertThat(wait.toNode()).isEqualTo(new WaitNode("PT30M"));
    wait.setWaitUnit("days");
    assertThat(wait.toNode()).isEqualTo(new WaitNode("P30D"));
  }
}
