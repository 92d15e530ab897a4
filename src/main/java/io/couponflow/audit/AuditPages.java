package io.couponflow.audit;

import io.couponflow.web.DisplayNames;
import io.couponflow.web.PageController;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * One entry as the page shows it: the actor and the target by name, targetLink null when there is nothing to
   * open (a deleted workflow or set).
   */
  record Row(long id, Instant at, String actor, String action, String label, String targetType, String targetId,
      String targetName, String targetLink, String detail) {
    public boolean danger() {
      return action.endsWith(".deleted") || action.endsWith(".revoked") || action.endsWith(".failed");
    }
  }

  private final AuditLog audit;
  private final DisplayNames names;

  AuditPages(AuditLog audit, DisplayNames names) {
    this.audit = audit;
    this.names = names;
  }

  @GetMapping("/settings/audit-log")
  String page(@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
      @RequestParam(required = false) String cursor, Model model) {
    String type = targetType == null || targetType.isBlank() ? null : targetType;
    // a target id only narrows a kind: without one, the page shows everything
    String target = type == null || targetId == null || targetId.isBlank() ? null : targetId;
    PageResponse<AuditEntry> page = audit.page(type, target, PageRequest.of(PAGE_SIZE, cursor));
    List<Row> rows = page.items().stream().map(e -> {
      Optional<String> name = names.find(e.targetType(), e.targetId());
      return new Row(e.id(), e.at(), actor(e.actor()), e.action(),
          LABELS.getOrDefault(e.action(), e.action()), e.targetType(), e.targetId(),
          name.orElse(goneName(e.targetType())), name.isPresent() || "web-secret".equals(e.targetType()) ? link(e.targetType(), e.targetId()) : null,
          e.detail());
    }).toList();
    model.addAttribute("entries", rows);
    model.addAttribute("next", page.links().next());
    model.addAttribute("firstPage", cursor == null || cursor.isBlank());
    model.addAttribute("targetType", type == null ? "" : type);
    model.addAttribute("targetId", target);
    model.addAttribute("targetSetName", "coupon-set".equals(type) && target != null ? names.find(type, target).orElse(null) : null);
    model.addAttribute("targetName", target != null ? names.find(type, target).orElse(goneName(type)) : null);
    return "audit/log";
  }

  /** "admin" for a signed-in user, "API key “Shop”", or "Couponflow" for background work. */
  private String actor(String stored) {
    if (stored == null || stored.equals("system")) {
      return "Couponflow";
    }
    if (stored.startsWith("apikey:")) {
      String id = stored.substring("apikey:".length());
      return names.find("api-key", id).map(name -> "API key “" + name + "”").orElse("A deleted API key");
    }
    return stored.startsWith("user:") ? stored.substring("user:".length()) : stored;
  }

  private static String goneName(String targetType) {
    return switch (targetType) {
      case "coupon-set" -> "A deleted set";
      case "workflow" -> "A deleted workflow";
      case "api-key" -> "A deleted API key";
      case "webhook" -> "A deleted webhook";
      case "web-secret" -> "Web secret";
      default -> targetType.replace('-', ' ');
    };
  }

  /** Where the target can be seen; the page links only targets that still exist. */
  private static String link(String targetType, String targetId) {
    return switch (targetType) {
      case "coupon-set" -> "/coupons/" + targetId;
      case "workflow" -> "/workflows/" + targetId;
      case "api-key" -> "/settings/api-keys";
      case "web-secret" -> "/settings/web-snippet";
      case "webhook" -> "/settings/webhooks/" + targetId;
      default -> null;
    };
  }
}
