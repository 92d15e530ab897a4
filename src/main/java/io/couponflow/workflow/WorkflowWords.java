package io.couponflow.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern NODE = Pattern.compile("node (\\d+) \\(([a-z-]+)\\)");
  /** Field names and values of the API as the editor's labels say them, longest first. */
  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("couponSetId is required", "choose a coupon set");
    FIELDS.put("onExhausted fallback", "“Use a fallback code”");
    FIELDS.put("couponSetId", "coupon set");
    FIELDS.put("childSetId", "child set");
    FIELDS.put("fallbackCode", "fallback code");
    FIELDS.put("nodes must hold", "A workflow needs");
  }

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

  /** {@link #flow} for templates. */
  public String flowOf(List<Node> nodes) {
    return flow(nodes);
  }

  /**
   * A refusal of the validator as the editor shows it: "Step 1 (Assign coupon): choose a coupon set" for the API's
   * "node 1 (assign-coupon): couponSetId is required".
   */
  public static String problem(String message) {
    if (message == null) {
      return null;
    }
    if (message.startsWith("name is required")) {
      return "Give the workflow a name.";
    }
    if (message.startsWith("trigger.event")) {
      return "Name the event that starts a run, e.g. signup (letters, digits, _ . : -).";
    }
    Matcher node = NODE.matcher(message);
    StringBuilder out = new StringBuilder();
    while (node.find()) {
      node.appendReplacement(out, Matcher.quoteReplacement("Step " + node.group(1) + " (" + node(node.group(2)) + ")"));
    }
    node.appendTail(out);
    String text = out.toString();
    for (Map.Entry<String, String> word : FIELDS.entrySet()) {
      text = text.replace(word.getKey(), word.getValue());
    }
    return text.replaceAll("Coupon set \\d+ does not exist", "its coupon set was deleted: choose another")
        .replaceAll("Child set \\d+ does not exist", "its child set was deleted: choose another");
  }

  private static String capitalized(String wire) {
    if (wire == null || wire.isEmpty()) {
      return "";
    }
    String words = wire.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
