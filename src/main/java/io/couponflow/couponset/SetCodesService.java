package io.couponflow.couponset;

import io.couponflow.audit.AuditLog;
import io.couponflow.code.AddCodesResult;
import io.couponflow.code.Code;
import io.couponflow.code.CodeFields;
import io.couponflow.code.CodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.couponflow.code.CodeStatus;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Adding, listing and exporting the codes of a set. */
@Service
public class SetCodesService {
  private static final int ATTEMPTS = 3;

  private final CouponSetService sets;
  private final CodePool codes;
  private final SetCounters counters;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final Clock clock;

  SetCodesService(CouponSetService sets, CodePool codes, SetCounters counters, TransactionTemplate tx, AuditLog audit,
      Clock clock) {
    this.sets = sets;
    this.codes = codes;
    this.counters = counters;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds codes synchronously; a concurrent insert of the same code is retried, then reported. */
  public AddCodesResult add(long couponSetId, AddCodesRequest request) {
    CouponSet set = sets.require(couponSetId);
    if (set.isSingle()) {
      throw ApiException.unprocessable("not-a-multiple-set", "Not a multiple set",
          "Set " + couponSetId + " is a single set: its one code is set when it is created");
    }
    if (request.childSetId() != null) {
      sets.requireChild(couponSetId, request.childSetId());
    }
    List<CodePool.NewCode> entries = new ArrayList<>(request.codes().size());
    for (int i = 0; i < request.codes().size(); i++) {
      AddCodesRequest.Entry entry = request.codes().get(i);
      if (entry == null) {
        throw ApiException.invalid("codes[" + i + "]", "a code is a string or {\"code\", \"fields\"}");
      }
      checkFields(i, entry.fields());
      entries.add(new CodePool.NewCode(entry.code(), entry.fields()));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> {
          if (!sets.holdForNewCodes(couponSetId, request.childSetId())) {
            throw request.childSetId() == null ? ApiException.notFound("Coupon set", couponSetId)
                : ApiException.notFound("Child set", request.childSetId());
          }
          AddCodesResult result = codes.addCodesWithFields(couponSetId, request.childSetId(), entries,
              request.expiresAt(), clock.instant());
          counters.add(couponSetId, request.childSetId() == null ? 0 : request.childSetId(),
              new Counters(result.added(), 0, 0, 0));
          audit.record("codes.added", "coupon-set", couponSetId,
              result.added() + " added, " + result.rejected().size() + " rejected (API)");
          return result;
        });
      } catch (DuplicateKeyException raced) {
        if (attempt == ATTEMPTS) {
          throw ApiException.conflict("concurrent-insert", "Codes added concurrently",
              "The same codes are being added by another request; try again");
        }
      }
    }
  }

  /** Field names are identifiers, at most {@link CodeFields#MAX_FIELDS} of them (a long value rejects only its code). */
  private static void checkFields(int i, Map<String, String> fields) {
    if (fields == null) {
      return;
    }
    if (fields.size() > CodeFields.MAX_FIELDS) {
      throw ApiException.invalid("codes[" + i + "].fields", "a code keeps at most " + CodeFields.MAX_FIELDS + " fields");
    }
    for (String name : fields.keySet()) {
      if (!CodeFields.isName(name)) {
        throw ApiException.invalid("codes[" + i + "].fields", "'" + name + "' is not a field name: a letter, then letters,"
            + " digits or _ (at most " + CodeFields.MAX_NAME + " characters)");
      }
    }
  }

  public PageResponse<Code> page(long couponSetId, CodeStatus status, PageRequest page) {
    sets.require(couponSetId);
    return page.toResponse(codes.page(couponSetId, status, page.beforeId(), page.fetchSize()), Code::id);
  }

  /** The names of the fields the set's codes carry, in the order first met (a read of the codes before the export's). */
  public List<String> fieldNames(long couponSetId, CodeStatus status) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    codes.forEach(couponSetId, status, code -> names.addAll(code.fields().keySet()));
    return List.copyOf(names);
  }

  public void export(long couponSetId, CodeStatus status, Consumer<Code> sink) {
    audit.record("codes.exported", "coupon-set", couponSetId, "status=" + (status == null ? "all" : status.wire()));
    codes.forEach(couponSetId, status, sink);
  }
}
