package io.couponflow.code;

import io.couponflow.db.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The code pool: every code, and the free codes that claims draw from (the available codes of
 * multiple sets). The only way other features reach the {@code code} table (whose SQL lives in
 * {@link CodeTable}).
 * Callers own the transaction and the counters.
 */
@Service
public class CodePool {
  private static final int EXPORT_PAGE = 5000;

  private final CodeTable table;

  CodePool(CodeTable table) {
    this.table = table;
  }

  /** A pool over {@code dataSource} without Spring (property tests on an embedded database). */
  public static CodePool forDataSource(DataSource dataSource) {
    return new CodePool(new CodeTable(JdbcClient.create(dataSource), new NamedParameterJdbcTemplate(dataSource),
        SqlDialect.forDatabase(dataSource)));
  }

  /**
   * Takes up to {@code limit} free codes of the set (of one child set when {@code childKey} is not
   * null, else any of the set's, child sets' included) and marks them assigned, skipping codes other
   * transactions are claiming. In claim order; fewer than {@code limit} when the set runs short.
   */
  public List<ClaimedCode> claim(long couponSetId, Long childKey, int limit) {
    return table.claim(couponSetId, childKey, limit);
  }

  /** Takes one free code, as {@link #claim(long, Long, int)}; empty when none is free. */
  public Optional<ClaimedCode> claim(long couponSetId, Long childKey) {
    return table.claim(couponSetId, childKey, 1).stream().findFirst();
  }

  /** Makes an assigned code free again (in its child set); refused unless it is assigned. */
  public void release(long codeId) {
    table.release(codeId);
  }

  /**
   * Moves a code to {@code next}; throws {@link IllegalCodeTransitionException} unless the code's
   * current status is one of {@code next}'s {@link CodeStatus#predecessors()}.
   */
  public void transition(long codeId, CodeStatus next) {
    table.transition(codeId, next);
  }

  /**
   * Takes up to {@code limit} free codes off the queue, either past their own expiry or, when
   * {@code couponSetId} is given, all of that (expired) set's; marks them expired. Caller's transaction.
   */
  public List<ExpiredCode> expireFree(Long couponSetId, Instant now, int limit) {
    return table.expireFree(couponSetId, now, limit);
  }

  /** Serialises changes to one code until the caller's transaction ends. */
  public void lock(long codeId) {
    table.lock(codeId);
  }

  /** The one code of an individual set; it is never claimed (uses are counted on the set). */
  public void insertSingleCode(long couponSetId, String value, Instant now) {
    table.insertSingleCode(couponSetId, value, now);
  }

  public long singleCodeId(long couponSetId) {
    return table.singleCodeId(couponSetId);
  }

  public boolean exists(String value) {
    return table.exists(CodeRules.keyOf(value));
  }

  /**
   * Validates and adds codes by the import's rules; blank values are skipped. Runs in the caller's
   * transaction: a concurrent insert of the same code makes it fail with DuplicateKeyException.
   */
  public AddCodesResult addCodes(long couponSetId, Long childSetId, List<String> values, Instant now) {
    return addCodes(couponSetId, childSetId, values, null, now);
  }

  /** As above; every added code expires at {@code expiresAt} (null: never). */
  public AddCodesResult addCodes(long couponSetId, Long childSetId, List<String> values, Instant expiresAt,
      Instant now) {
    return addCodesWithFields(couponSetId, childSetId, values.stream().map(v -> new NewCode(v, null)).toList(),
        expiresAt, now);
  }

  /** A code to add with its fields (null or empty: none); the fields' names and count are checked by the caller. */
  public record NewCode(String value, Map<String, String> fields) {}

  /** As above, each code with its fields; a value longer than {@link CodeFields#MAX_VALUE} rejects the code. */
  public AddCodesResult addCodesWithFields(long couponSetId, Long childSetId, List<NewCode> values, Instant expiresAt,
      Instant now) {
    List<AddCodesResult.Rejected> rejected = new ArrayList<>();
    Map<String, String> candidates = new LinkedHashMap<>();
    Map<String, String> fieldsByKey = new java.util.HashMap<>();
    for (NewCode entry : values) {
      String value = CodeRules.trim(entry.value());
      if (value.isEmpty()) {
        continue;
      }
      RejectReason reason = CodeRules.check(value);
      if (reason == null && entry.fields() != null
          && entry.fields().values().stream().anyMatch(v -> v != null && v.length() > CodeFields.MAX_VALUE)) {
        reason = RejectReason.FIELD_TOO_LONG;
      }
      if (reason == null && candidates.containsKey(CodeRules.keyOf(value))) {
        reason = RejectReason.DUPLICATE_IN_FILE;
      }
      if (reason != null) {
        rejected.add(new AddCodesResult.Rejected(value, reason));
      } else {
        candidates.put(CodeRules.keyOf(value), value);
        String json = CodeFields.toJson(entry.fields());
        if (json != null) {
          fieldsByKey.put(CodeRules.keyOf(value), json);
        }
      }
    }
    Set<String> existing = table.existingKeys(List.copyOf(candidates.keySet()));
    Map<String, String> added = new LinkedHashMap<>();
    candidates.forEach((key, value) -> {
      if (existing.contains(key)) {
        rejected.add(new AddCodesResult.Rejected(value, RejectReason.ALREADY_EXISTS));
      } else {
        added.put(key, value);
      }
    });
    table.insertFree(couponSetId, childSetId, added, fieldsByKey, expiresAt, now);
    return new AddCodesResult(added.size(), rejected);
  }

  /**
   * Inserts the codes an import's {@code select} yields (columns coupon_set_id, child_set_id,
   * child_key (the child set's id, 0 for none), code_value, code_key, status, import_id,
   * created_at, fields) as free codes, in the caller's transaction; returns how many. {@code with}
   * (null when unused) holds WITH clauses the select reads, run in the same statement; only where
   * the dialect {@link SqlDialect#hasReturning() has RETURNING} (PostgreSQL: data-modifying CTEs).
   */
  public long addImported(String with, String select, Map<String, ?> params) {
    return table.insertImported(with, select, params);
  }

  /**
   * Appends an import's codes (keys unique among them) as free codes, in the caller's transaction,
   * with the database's bulk load (COPY on PostgreSQL); codes whose key exists in any set are left
   * out, and their keys answered. A code another transaction adds while this runs fails the caller
   * with DuplicateKeyException.
   */
  public Set<String> appendImported(long couponSetId, Long childSetId, long importId, Instant now,
      List<NewImportedCode> codes) {
    return table.appendImported(couponSetId, childSetId, importId, now, codes);
  }

  /**
   * An SQL value for another feature's query: the per-code fields (JSON text, or NULL) of the code
   * whose id is in {@code codeIdColumn} (a column of that query, not input).
   */
  public static String fieldsColumn(String codeIdColumn) {
    return CodeTable.fieldsOf(codeIdColumn);
  }

  /**
   * An SQL condition for another feature's set-based statement: true when a code exists, in any
   * set, whose key is in {@code keyColumn} (a column or expression of that statement, not input).
   */
  public static String keyExistsCondition(String keyColumn) {
    return CodeTable.keyExists(keyColumn);
  }

  /** Sets holding a code spelled like {@code value}, in any case. */
  public List<Long> setIdsWithCode(String value) {
    return table.setIdsWithKey(CodeRules.keyOf(value));
  }

  /** The code spelled like {@code value} in any case, with its set. */
  public Optional<LocatedCode> find(String value) {
    return table.findByKey(CodeRules.keyOf(CodeRules.trim(value)));
  }

  /**
   * The fields of one available code of the set (the newest), to preview templates with; empty
   * when the set has none free or its newest has no fields. One index read, whatever the set's size.
   */
  public Map<String, String> sampleFields(long couponSetId) {
    return table.sampleFields(couponSetId);
  }

  /** A page of a set's codes, newest first, with ids below {@code beforeId}. */
  public List<Code> page(long couponSetId, CodeStatus status, long beforeId, int limit) {
    return table.page(couponSetId, status, null, beforeId, limit);
  }

  /** As above, of one child key only (0 = the codes outside child sets; null = all). */
  public List<Code> page(long couponSetId, CodeStatus status, Long childKey, long beforeId, int limit) {
    return table.page(couponSetId, status, childKey, beforeId, limit);
  }

  /**
   * Moves the named codes of a set to child key {@code toKey} (0 = outside child sets), in the
   * caller's transaction. Only available codes move (their status stays available; a code held by a
   * contact stays where it was assigned from); the others are reported as skipped. The caller moves
   * the counters by {@link MovedCodes#movedFrom()}.
   */
  public MovedCodes moveFree(long couponSetId, List<String> values, long toKey) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String raw : values) {
      String value = CodeRules.trim(raw);
      if (!value.isEmpty()) {
        wanted.putIfAbsent(CodeRules.keyOf(value), value);
      }
    }
    Map<String, Code> found = new java.util.HashMap<>();
    table.findInSet(couponSetId, List.copyOf(wanted.keySet())).forEach(c -> found.put(CodeRules.keyOf(c.code()), c));
    List<Long> candidates = new ArrayList<>();
    List<MovedCodes.Skipped> skipped = new ArrayList<>();
    wanted.forEach((key, value) -> {
      Code code = found.get(key);
      if (code == null) {
        skipped.add(new MovedCodes.Skipped(value, "not-found"));
      } else if ((code.childSetId() == null ? 0 : code.childSetId()) == toKey) {
        skipped.add(new MovedCodes.Skipped(code.code(), "already-there"));
      } else if (code.status() != CodeStatus.AVAILABLE) {
        skipped.add(new MovedCodes.Skipped(code.code(), "not-available"));
      } else {
        candidates.add(code.id());
      }
    });
    Map<Long, List<Long>> moved = table.moveFree(couponSetId, candidates, toKey);
    Set<Long> movedIds = new java.util.HashSet<>();
    moved.values().forEach(movedIds::addAll);
    found.values().stream().filter(c -> candidates.contains(c.id()) && !movedIds.contains(c.id()))
        .forEach(c -> skipped.add(new MovedCodes.Skipped(c.code(), "not-available")));
    Map<Long, Long> counts = new java.util.TreeMap<>();
    moved.forEach((from, ids) -> counts.put(from, (long) ids.size()));
    return new MovedCodes(counts, skipped);
  }

  /** Moves up to {@code count} free codes from child key {@code fromKey} to {@code toKey}, in the caller's transaction; answers how many. */
  public long moveFree(long couponSetId, long fromKey, long toKey, long count) {
    return table.moveFree(couponSetId, fromKey, toKey, count);
  }

  /** Streams every code of a set, in pages, without holding a transaction open. */
  public void forEach(long couponSetId, CodeStatus status, Consumer<Code> consumer) {
    long before = Long.MAX_VALUE;
    while (true) {
      List<Code> page = table.page(couponSetId, status, null, before, EXPORT_PAGE);
      page.forEach(consumer);
      if (page.size() < EXPORT_PAGE) {
        return;
      }
      before = page.get(page.size() - 1).id();
    }
  }

  /** A deleted child set's codes, free ones included, belong to the parent from now on. */
  public void moveChildToParent(long couponSetId, long childSetId) {
    table.moveChildToParent(couponSetId, childSetId);
  }

  /** Every code of a deleted set (PostgreSQL has no cascade from the set: see SqlDialect.holdSetForNewCodes). */
  public void deleteAll(long couponSetId) {
    table.deleteAll(couponSetId);
  }
}
