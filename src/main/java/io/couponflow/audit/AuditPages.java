package io.couponflow.audit;

import io.couponflow.web.PageController;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Audit log page: who changed, deleted, imported or exported what, newest first, by set or kind. */
@PageController
class AuditPages {
  static final int PAGE_SIZE = 50;
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("coupon-set.created", "Created set"),
      Map.entry("coupon-set.updated", "Changed set"),
      Map.entry("coupon-set.deleted", "Deleted set"),
      Map.entry("child-set.created", "Created child set"),
      Map.entry("child-set.deleted", "Deleted child set"),
      Map.entry("codes.added", "Added codes"),
      Map.entry("codes.exported", "Exported codes"),
      Map.entry("import.started", "Started import"),
      Map.entry("import.finished", "Import finished"),
      Map.entry("import.failed", "Import failed"),
      Map.entry("import.cancelled", "Cancelled import"),
      Map.entry("api-key.created", "Created API key"),
      Map.entry("api-key.revoked", "Revoked API key"),
      Map.entry("workflow.created", "Created workflow"),
      Map.entry("workflow.updated", "Changed workflow"),
      Map.entry("workflow.activated", "Activated workflow"),
      Map.entry("workflow.paused", "Paused workflow"),
      Map.entry("workflow.deleted", "Deleted workflow"),
      Map.entry("web-secret.rotated", "Rotated web secret"),
      Map.entry("webhook.created", "Created webhook"),
      Map.entry("webhook.updated", "Changed webhook"),
      Map.entry("webhook.deleted", "Deleted webhook"));

  /** One entry as the page shows it; setName is null when the target is not a set or the set is gone. */
  record Row(long id, Instant at, String actor, String action, String label, String targetType, String targetId,
      String setName, String detail) {
    public boolean danger() {
      return action.endsWith(".deleted") || action.endsWith(".revoked") || action.endsWith(".failed");
    }
  }

  private final AuditLog audit;
  private final AuditTargetNames setNames;

  AuditPages(AuditLog audit, List<AuditTargetNames> targetNames) {
    this.audit = audit;
    this.setNames = targetNames.stream().filter(n -> "coupon-set".equals(n.targetType())).findFirst()
        .orElseThrow();
  }

  @GetMapping("/settings/audit-log")
  String page(@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
      @RequestParam(required = false) String cursor, Model model) {
    String type = targetType == null || targetType.isBlank() ? null : targetType;
    // a target id only narrows a kind: without one, the page shows everything
    String target = type == null || targetId == null || targetId.isBlank() ? null : targetId;
    PageResponse<AuditEntry> page = audit.page(type, target, PageRequest.of(PAGE_SIZE, cursor));
    Map<String, String> names = new HashMap<>();
    List<Row> rows = page.items().stream().map(e -> new Row(e.id(), e.at(), actor(e.actor()), e.action(),
        LABELS.getOrDefault(e.action(), e.action()), e.targetType(), e.targetId(),
        "coupon-set".equals(e.targetType()) ? names.computeIfAbsent(e.targetId(), this::setNameOrNull) : null,
        e.detail())).toList();
    model.addAttribute("entries", rows);
    model.addAttribute("next", page.links().next());
    model.addAttribute("firstPage", cursor == null || cursor.isBlank());
    model.addAttribute("targetType", type == null ? "" : type);
    model.addAttribute("targetId", target);
    model.addAttribute("targetSetName", "coupon-set".equals(type) && target != null ? setNameOrNull(target) : null);
    return "audit/log";
  }

  /** "admin" for a signed-in user, "API key #12", or "Couponflow" for background work. */
  static String actor(String stored) {
    if (stored == null || stored.equals("system")) {
      return "Couponflow";
    }
    if (stored.startsWith("apikey:")) {
      return "API key #" + stored.substring("apikey:".length());
    }
    return stored.startsWith("user:") ? stored.substring("user:".length()) : stored;
  }

  private String setNameOrNull(String id) {
    return setNames.name(id).orElse(null);
  }


}
