package io.couponflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How the workflow pages say node types, statuses and step outcomes: "Assign coupon", "8 finished", "Email in
 * the outbox", never {@code assign-coupon} or {@code {finished=8}}. Templates call it as {@code @workflowWords}.
 */
@Component("workflowWords")
public class WorkflowWords {
  private static final Map<String, String> NODES = Map.of(
      AssignCouponNode.TYPE, "Assign coupon",
      SendEmailNode.TYPE, "Send email",
      SendWebContentNode.TYPE, "Send web content",
      WaitNode.TYPE, "Wait");
  private static final Map<String, String> OUTCOMES = Map.ofEntries(
      Map.entry("assigned", "code given"),
      Map.entry("reused", "same code as before"),
      Map.entry("failed", "failed"),
      Map.entry("exhausted-stopped", "no code left, run stopped"),
      Map.entry("exhausted-skipped", "no code left, skipped"),
      Map.entry("fallback", "fallback code"),
      Map.entry("waiting", "waiting"),
      Map.entry("skipped", "skipped"),
      Map.entry("queued", "waiting for the contact's next visit"),
      Map.entry("outbox", "kept in the outbox"),
      Map.entry("sent", "sent"));
  /** The order a run summary lists statuses in. */
  private static final List<String> STATUSES = List.of("running", "waiting", "finished", "skipped", "stopped", "failed");

  /** "Assign coupon" for {@code assign-coupon}. */
  public static String node(String type) {
    return NODES.getOrDefault(type, capitalized(type));
  }

  /** "Assign coupon → Send email". */
  public static String flow(List<Node> nodes) {
    return nodes.isEmpty() ? "No steps yet" : String.join(" → ", nodes.stream().map(n -> node(n.type())).toList());
  }

  /** "Draft", "Active", "Paused"; "Finished", "Waiting"... */
  public String status(String wire) {
    return switch (wire) {
      case "running" -> "Under way";
      case "outbox" -> "In the outbox";
      default -> capitalized(wire);
    };
  }

  /** "Send email: sent", "Assign coupon: code given". */
  public String step(RunStep step) {
    return node(step.type()) + ": " + OUTCOMES.getOrDefault(step.outcome(), step.outcome().replace('-', ' '));
  }

  /** "8 finished · 2 skipped", or "No runs yet". */
  public String runSummary(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    for (String status : STATUSES) {
      long n = counts.getOrDefault(status, 0L);
      if (n > 0) {
        parts.add(n + " " + (status.equals("running") ? "under way" : status));
      }
    }
    return parts.isEmpty() ? "No runs yet" : String.join(" · ", parts);
  }

  public String flowOf(List<Node> nodes) {
    return flow(nodes);
  }

  public String nodeName(String type) {
    return node(type);
  }

  private static String capitalized(String wire) {
    if (wire == null || wire.isEmpty()) {
      return "";
    }
    String words = wire.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
