package io.couponflow.web;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The creation and import history block: rows newest first, and whether any import still runs. */
@Component
class ImportHistory {
  static final int ROWS = 8;

  /** One import as the history shows it. */
  record Row(long id, long setId, String setName, String fileName, String status, long total, long success,
      long errors, boolean hasErrorReport, Instant createdAt, Instant finishedAt) {
    boolean running() {
      return "queued".equals(status) || "inProgress".equals(status);
    }
  }

  /** Puts the history of one set (or all sets when null) in the model; true while any import runs. */
  boolean addTo(Model model, Long couponSetId) {
    List<Row> rows = List.of();
    boolean running = rows.stream().anyMatch(Row::running);
    model.addAttribute("imports", rows);
    model.addAttribute("importsRunning", running);
    model.addAttribute("historySetId", couponSetId);
    return running;
  }
}
