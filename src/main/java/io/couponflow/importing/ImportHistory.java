package io.couponflow.importing;

import io.couponflow.common.PageRequest;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.ImportHistorySection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The creation and import history block: rows newest first, and whether any import still runs. */
@Component
class ImportHistory implements ImportHistorySection {
  static final int ROWS = 8;

  /**
   * One import as the history shows it; setName is null once the set was deleted; childSetId is the
   * child set it went into (null: the set itself), childName null once that child set was deleted.
   */
  record Row(long id, long setId, String setName, Long childSetId, String childName, String fileName, String status,
      long total, long success, long errors, boolean hasErrorReport, Instant createdAt, Instant finishedAt,
      String failure) {
    public boolean running() {
      return "queued".equals(status) || "inProgress".equals(status);
    }
  }

  private final ImportService imports;
  private final CouponSetService sets;

  ImportHistory(ImportService imports, CouponSetService sets) {
    this.imports = imports;
    this.sets = sets;
  }

  /** Puts the history of one set (or all sets when null) in the model; true while any import runs. */
  @Override
  public boolean addTo(Model model, Long couponSetId) {
    List<ImportView> found = imports.list(couponSetId, new PageRequest(ROWS, null)).items();
    Map<Long, String> names = new HashMap<>();
    Map<Long, String> childNames = new HashMap<>();
    List<Row> rows = found.stream().map(i -> new Row(i.id(), i.couponSetId(),
        names.computeIfAbsent(i.couponSetId(), id -> sets.name(id).orElse(null)), i.childSetId(),
        i.childSetId() == null ? null
            : childNames.computeIfAbsent(i.childSetId(), id -> sets.childName(i.couponSetId(), id).orElse(null)),
        i.fileName(), i.status(), i.total(), i.success(),
        i.errors(), "finished".equals(i.status()) && i.errors() > 0, i.createdAt(), i.finishedAt(), i.failure())).toList();
    boolean running = rows.stream().anyMatch(Row::running);
    model.addAttribute("imports", rows);
    model.addAttribute("importsRunning", running);
    model.addAttribute("historySetId", couponSetId);
    return running;
  }
}
