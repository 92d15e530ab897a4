package io.couponflow.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.MigrationDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The migration that drops the free_code queue for the code table's own available codes (V92), run
 * on a database holding free codes in and outside a child set, an assigned code, an expired one and
 * an individual set: afterwards exactly the queued codes are claimable, in their child sets, and the
 * individual set's code never is.
 */
abstract class ClaimQueueMigrationContract {
  /** A new, empty database. */
  abstract MigrationDatabase freshDatabase() throws SQLException;

  @Test
  void queuedCodesStayClaimableInTheirChildSetsAndNothingElseBecomesClaimable() throws SQLException {
    MigrationDatabase db = freshDatabase();
    db.migrateTo("91");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO coupon_set (id, name, type, assignment_policy, created_at, updated_at) VALUES"
          + " (1, 'Multi', 'multiple', 'once-per-contact', now(), now()),"
          + " (2, 'Welcome', 'single', 'once-per-contact', now(), now())");
      s.execute("INSERT INTO child_set (id, coupon_set_id, name, created_at) VALUES (5, 1, 'B', now())");
      s.execute("INSERT INTO code (id, coupon_set_id, child_set_id, code_value, code_key, status, created_at) VALUES"
          + " (10, 1, NULL, 'free-a', 'FREE-A', 'available', now()),"
          + " (11, 1, 5, 'free-b', 'FREE-B', 'available', now()),"
          + " (12, 1, NULL, 'taken', 'TAKEN', 'assigned', now()),"
          + " (13, 1, 5, 'old', 'OLD', 'expired', now()),"
          + " (14, 2, NULL, 'WELCOME15', 'WELCOME15', 'available', now())");
      s.execute("INSERT INTO free_code (coupon_set_id, child_key, code_id) VALUES (1, 0, 10), (1, 5, 11)");
    }
    db.migrateTo("latest");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      assertThat(MigrationDatabase.rows(s, "SELECT id || ' ' || COALESCE(CAST(child_key AS VARCHAR), 'none') FROM code ORDER BY id"))
          .containsExactly("10 0", "11 5", "12 0", "13 5", "14 none");
      assertThat(MigrationDatabase.rows(s, "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'free_code'"))
          .containsExactly("0");
    }
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), db.user(), "", true);
    try {
      CodePool pool = CodePool.forDataSource(dataSource);
      assertThat(pool.claim(1, 5L, 10)).extracting(ClaimedCode::codeId).containsExactly(11L);
      assertThat(pool.claim(1, null, 10)).extracting(ClaimedCode::codeId).containsExactly(10L);
      assertThat(pool.claim(1, null, 10)).isEmpty();
      assertThat(pool.claim(2, null, 10)).isEmpty();
    } finally {
      dataSource.destroy();
    }
  }
}
