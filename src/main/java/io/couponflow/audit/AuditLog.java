package io.couponflow.audit;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.db.Timestamps;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who changed what: set changes, deletions, imports, exports, key management. Written in the
 * caller's transaction, so an entry exists exactly when the change happened.
 */
@Service
public class AuditLog {
  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String action, String targetType, Object targetId, String detail) {
    jdbc.sql("INSERT INTO audit_log (at, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
        .params(Timestamps.bind(clock.instant()), currentActor(), action, targetType,
            targetId == null ? null : targetId.toString(), detail == null ? null : truncate(detail))
        .update();
  }

  /** Newest first; a null or blank {@code targetType} or {@code targetId} does not filter. */
  public PageResponse<AuditEntry> page(String targetType, String targetId, PageRequest page) {
    targetType = blankToNull(targetType);
    targetId = blankToNull(targetId);
    StringBuilder sql = new StringBuilder(
        "SELECT id, at, actor, action, target_type, target_id, detail FROM audit_log WHERE id < :before");
    if (targetType != null) {
      sql.append(" AND target_type = :type");
    }
    if (targetId != null) {
      sql.append(" AND target_id = :target");
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    var spec = jdbc.sql(sql.toString()).param("before", page.beforeId()).param("limit", page.fetchSize());
    if (targetType != null) {
      spec = spec.param("type", targetType);
    }
    if (targetId != null) {
      spec = spec.param("target", targetId);
    }
    var rows = spec.query((rs, n) -> new AuditEntry(rs.getLong("id"), Timestamps.read(rs, "at"), rs.getString("actor"),
        rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"))).list();
    return page.toResponse(rows, AuditEntry::id);
  }

  /** "user:admin", "apikey:12 (shop backend)", or "system" for background work. */
  static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
      return "system";
    }
    String name = auth.getName();
    return name.startsWith("apikey:") ? name : "user:" + name;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String truncate(String detail) {
    return detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
  }
}
