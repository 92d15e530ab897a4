package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  @Test
  void theSplitRowsAsThePageNamesThemBindIntoTheSplitAndRowsWithoutAChildSetAreLeftOut() {
    WorkflowForm form = bind(fields(
        "name", "Spring", "trigger", "signup",
        "nodes[0].type", "assign-coupon", "nodes[0].couponSetId", "7", "nodes[0].childSetId", "5",
        "nodes[0].splitTest", "true",
        "nodes[0].shares[0].childSetId", "11", "nodes[0].shares[0].weight", "1",
        "nodes[0].shares[1].childSetId", "12", "nodes[0].shares[1].weight", " 3 ",
        "nodes[0].shares[2].childSetId", "", "nodes[0].shares[2].weight", "1"));

    AssignCouponNode node = (AssignCouponNode) form.toRequest().nodes().get(0);

    assertThat(node.childSetId()).as("a split test draws from its rows, not the single child set").isNull();
    assertThat(node.split()).containsExactly(new SplitShare(11L, 1), new SplitShare(12L, 3));
    WorkflowForm.NodeForm row = form.getNodes().get(0);
    assertThat(row.shareRows()).extracting(row::percentOf).containsExactly("25 %", "75 %", "–");
  }

  @Test
  void withoutTheSplitChoiceTheRowsAreIgnoredAndAWrongWeightReachesTheValidatorAsZero() {
    Map<String, String> fields = fields(
        "nodes[0].type", "assign-coupon", "nodes[0].couponSetId", "7", "nodes[0].childSetId", "5",
        "nodes[0].splitTest", "false",
        "nodes[0].shares[0].childSetId", "11", "nodes[0].shares[0].weight", "1.5",
        "nodes[0].shares[1].childSetId", "12", "nodes[0].shares[1].weight", "");
    AssignCouponNode single = (AssignCouponNode) bind(fields).toRequest().nodes().get(0);
    assertThat(single.childSetId()).isEqualTo(5L);
    assertThat(single.split()).isNull();

    fields.put("nodes[0].splitTest", "true");
    AssignCouponNode split = (AssignCouponNode) bind(fields).toRequest().nodes().get(0);
    assertThat(split.split()).containsExactly(new SplitShare(11L, 0), new SplitShare(12L, null));
  }

  @Test
  void aStoredSplitShowsAsItsRowsWithTheirShares() {
    AssignCouponNode stored = new AssignCouponNode(7L, null, "coupon", OnExhausted.STOP, null,
        List.of(new SplitShare(1L, 1), new SplitShare(2L, 2), new SplitShare(3L, 1)));
    WorkflowForm.NodeForm row = WorkflowForm.NodeForm.of(stored);

    assertThat(row.isSplitTest()).isTrue();
    assertThat(row.shareRows()).extracting(WorkflowForm.ShareForm::getChildSetId, WorkflowForm.ShareForm::getWeight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "1"), org.assertj.core.groups.Tuple.tuple(2L, "2"),
            org.assertj.core.groups.Tuple.tuple(3L, "1"));
    assertThat(row.shareRows()).extracting(row::percentOf).containsExactly("25 %", "50 %", "25 %");
    assertThat(WorkflowForm.NodeForm.blank(AssignCouponNode.TYPE).shareRows()).hasSize(2);
  }

  @Test
  void withoutJavaScriptTheAddAndRemoveButtonsEditTheRowsOnTheServerWithinTwoToTen() {
    WorkflowForm form = bind(fields("nodes[0].type", "assign-coupon", "nodes[0].couponSetId", "7"));
    List<WorkflowForm.NodeForm> nodes = form.getNodes();

    WorkflowPages.editShares(nodes, "add-share:0".split(":"));
    assertThat(nodes.get(0).isSplitTest()).isTrue();
    assertThat(nodes.get(0).getShares()).hasSize(3);
    for (int n = 0; n < 10; n++) {
      WorkflowPages.editShares(nodes, "add-share:0".split(":"));
    }
    assertThat(nodes.get(0).getShares()).hasSize(10);
    nodes.get(0).getShares().get(4).setChildSetId(44L);
    WorkflowPages.editShares(nodes, "remove-share:0:4".split(":"));
    assertThat(nodes.get(0).getShares()).hasSize(9).noneMatch(row -> Long.valueOf(44L).equals(row.getChildSetId()));
    for (int n = 0; n < 10; n++) {
      WorkflowPages.editShares(nodes, "remove-share:0:0".split(":"));
    }
    assertThat(nodes.get(0).getShares()).hasSize(2);
    WorkflowPages.editShares(nodes, "remove-share:5:0".split(":"));
    WorkflowPages.editShares(nodes, "remove-share:0:x".split(":"));
    assertThat(nodes.get(0).getShares()).hasSize(2);
  }

  private static Map<String, String> fields(String... pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Binds request fields the way Spring MVC binds the editor's POST. */
  private static WorkflowForm bind(Map<String, String> fields) {
    WorkflowForm form = new WorkflowForm();
    org.springframework.web.bind.WebDataBinder binder = new org.springframework.web.bind.WebDataBinder(form, "form");
    binder.bind(new org.springframework.beans.MutablePropertyValues(fields));
    assertThat(binder.getBindingResult().hasErrors()).as(binder.getBindingResult().toString()).isFalse();
    return form;
  }
}
