package io.couponflow.workflow;

import io.couponflow.common.ApiException;
import io.couponflow.couponset.CouponSetService;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a workflow when it is saved, so a mistake is a 400 naming the node, never a blank in a
 * customer's email: sets exist, each placeholder is valid and its variable is assigned by an earlier node.
 */
@Component
class WorkflowValidator {
  private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_]\\w{0,63}");
  private static final int MAX_NODES = 100;
  private static final Duration MAX_WAIT = Duration.ofDays(365);

  private final CouponSetService sets;

  WorkflowValidator(CouponSetService sets) {
    this.sets = sets;
  }

  /** The definition with defaults filled in; ApiException (400) naming the first problem. */
  WorkflowRequest validate(WorkflowRequest request) {
    if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
      throw ApiException.invalid("name", "name is required (1 to 200 characters)");
    }
    if (request.trigger() == null || request.trigger().event() == null || !EVENT.matcher(request.trigger().event()).matches()) {
      throw ApiException.invalid("trigger.event", "trigger.event is the event type that starts a run (letters, digits, _ . : -)");
    }
    if (request.nodes() == null || request.nodes().isEmpty() || request.nodes().size() > MAX_NODES) {
      throw ApiException.invalid("nodes", "nodes must hold 1 to " + MAX_NODES + " nodes");
    }
    List<Node> nodes = new ArrayList<>();
    Set<String> variables = new LinkedHashSet<>();
    for (int i = 0; i < request.nodes().size(); i++) {
      Node node = request.nodes().get(i);
      if (node == null) {
        throw ApiException.invalid("nodes[" + i + "]", "node " + (i + 1) + " is empty");
      }
      nodes.add(check(i, node, variables));
    }
    return new WorkflowRequest(request.name().strip(), new Trigger(request.trigger().event()), List.copyOf(nodes));
  }

  /**
   * Before a saved workflow goes live: every set (and child set) its Assign coupon steps draw from
   * still exists. A missing one was deleted after the workflow was saved, and the 400 says so in words.
   */
  void requireSetsStillExist(List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) instanceof AssignCouponNode a && a.couponSetId() != null) {
        String step = "'Assign coupon' (step " + (i + 1) + ")";
        if (sets.name(a.couponSetId()).isEmpty()) {
          throw invalid(i, "couponSetId", "The coupon set used by " + step + " was deleted; choose another set");
        }
        if (a.childSetId() != null && sets.childName(a.couponSetId(), a.childSetId()).isEmpty()) {
          throw invalid(i, "childSetId", "The child set used by " + step + " was deleted; choose another child set,"
              + " or the whole set");
        }
        if (a.splits() && a.split().stream()
            .anyMatch(share -> share.childSetId() != null && sets.childName(a.couponSetId(), share.childSetId()).isEmpty())) {
          throw invalid(i, "split", "A child set in the split test of " + step + " was deleted; choose the child sets"
              + " again");
        }
      }
    }
  }

  /** Every set the nodes draw from, for the active-workflow checks and usedInWorkflows. */
  static final int MAX_SPLIT_ARMS = 10;
  static final int MAX_SPLIT_WEIGHT = 1000;

  static Set<Long> setsUsed(List<Node> nodes) {
    Set<Long> ids = new LinkedHashSet<>();
    for (Node node : nodes) {
      if (node instanceof AssignCouponNode a) {
        ids.add(a.couponSetId());
      }
    }
    return ids;
  }

  /** A split test names 2 to 10 distinct child sets of the node's set, each with a weight of 1 to 1,000. */
  private void checkSplit(int i, AssignCouponNode a, String where) {
    if (a.childSetId() != null) {
      throw invalid(i, "split", where + ": give either childSetId or split, not both");
    }
    if (a.split().size() < 2 || a.split().size() > MAX_SPLIT_ARMS) {
      throw invalid(i, "split", where + ": a split test needs 2 to " + MAX_SPLIT_ARMS + " child sets");
    }
    Set<Long> seen = new LinkedHashSet<>();
    for (SplitShare share : a.split()) {
      if (share == null || share.childSetId() == null || share.weight() == null) {
        throw invalid(i, "split", where + ": each split entry needs a childSetId and a weight");
      }
      if (share.weight() < 1 || share.weight() > MAX_SPLIT_WEIGHT) {
        throw invalid(i, "split", where + ": weights are whole numbers from 1 to " + MAX_SPLIT_WEIGHT);
      }
      io.couponflow.couponset.ChildSet child;
      try {
        child = sets.requireChild(a.couponSetId(), share.childSetId());
      } catch (ApiException notFound) {
        throw invalid(i, "split", where + ": " + notFound.getMessage());
      }
      if (!seen.add(share.childSetId())) {
        throw invalid(i, "split", where + ": child set " + child.name() + " (" + share.childSetId() + ") is in the split twice");
      }
    }
  }

  private Node check(int i, Node node, Set<String> variables) {
    String where = "node " + (i + 1) + " (" + node.type() + ")";
    if (node instanceof AssignCouponNode raw) {
      AssignCouponNode a = raw.withDefaults();
      if (a.couponSetId() == null) {
        throw invalid(i, "couponSetId", where + ": couponSetId is required");
      }
      try {
        sets.require(a.couponSetId());
        if (a.childSetId() != null) {
          sets.requireChild(a.couponSetId(), a.childSetId());
        }
      } catch (ApiException notFound) {
        throw invalid(i, a.childSetId() == null ? "couponSetId" : "childSetId", where + ": " + notFound.getMessage());
      }
      if (a.splits()) {
        checkSplit(i, a, where);
      }
      if (!VARIABLE.matcher(a.variable()).matches() || a.variable().equals("contact")) {
        throw invalid(i, "variable", where + ": variable must be a name such as coupon (letters, digits, _), not contact");
      }
      if (a.onExhausted() == OnExhausted.FALLBACK && a.fallbackCode() == null) {
        throw invalid(i, "fallbackCode", where + ": onExhausted fallback needs a fallbackCode");
      }
      if (a.onExhausted() != OnExhausted.FALLBACK && a.fallbackCode() != null) {
        throw invalid(i, "fallbackCode", where + ": fallbackCode is only used with onExhausted fallback");
      }
      if (a.fallbackCode() != null && a.fallbackCode().length() > 64) {
        throw invalid(i, "fallbackCode", where + ": fallbackCode is at most 64 characters");
      }
      variables.add(a.variable());
      return a;
    }
    if (node instanceof SendEmailNode e) {
      required(i, "subject", e.subject(), where);
      required(i, "html", e.html(), where);
      if (e.subject().length() > 500) {
        throw invalid(i, "subject", where + ": subject is at most 500 characters");
      }
      placeholders(i, "subject", e.subject(), where, variables);
      placeholders(i, "html", e.html(), where, variables);
      return e;
    }
    if (node instanceof SendWebContentNode w) {
      required(i, "html", w.html(), where);
      placeholders(i, "html", w.html(), where, variables);
      return w;
    }
    WaitNode w = (WaitNode) node;
    required(i, "duration", w.duration(), where);
    try {
      Duration d = w.parsed();
      if (d.isNegative() || d.isZero() || d.compareTo(MAX_WAIT) > 0) {
        throw invalid(i, "duration", where + ": duration must be positive and at most 365 days");
      }
    } catch (DateTimeParseException e) {
      throw invalid(i, "duration", where + ": duration must be ISO-8601, e.g. PT1H or P2D");
    }
    return w;
  }

  private static void placeholders(int i, String field, String text, String where, Set<String> variables) {
    List<Template.Placeholder> found;
    try {
      found = Template.placeholders(text);
    } catch (IllegalArgumentException e) {
      throw invalid(i, field, where + ": " + field + ": " + e.getMessage());
    }
    for (Template.Placeholder p : found) {
      if (!p.isContact() && !variables.contains(p.name())) {
        throw invalid(i, field, where + ": unknown variable '" + p.name() + "' in " + field
            + (variables.isEmpty() ? "; no earlier Assign coupon node defines one"
                : "; earlier nodes define " + String.join(", ", variables)) + " and contact.<field>");
      }
    }
  }

  private static void required(int i, String field, String value, String where) {
    if (value == null || value.isBlank()) {
      throw invalid(i, field, where + ": " + field + " is required");
    }
  }

  private static ApiException invalid(int i, String field, String detail) {
    return ApiException.invalid("nodes[" + i + "]." + field, detail);
  }
}
