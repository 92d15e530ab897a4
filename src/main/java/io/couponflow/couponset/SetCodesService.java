package io.couponflow.couponset;

import io.couponflow.audit.AuditLog;
import io.couponflow.code.AddCodesResult;
import io.couponflow.code.Code;
import io.couponflow.code.CodePool;
import io.couponflow.code.CodeStatus;
import io.couponflow.code.MovedCodes;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Adding, listing, moving between child sets and exporting the codes of a set. */
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
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> {
          if (!sets.holdForNewCodes(couponSetId, request.childSetId())) {
            throw request.childSetId() == null ? ApiException.notFound("Coupon set", couponSetId)
                : ApiException.notFound("Child set", request.childSetId());
          }
          AddCodesResult result = codes.addCodes(couponSetId, request.childSetId(), request.codes(),
              request.expiresAt(), clock.instant());
          counters.add(couponSetId, request.childSetId() == null ? 0 : request.childSetId(),
              new Counters(result.added(), 0, 0, 0));
          audit.record("codes.added", "coupon-set", couponSetId,
              result.added() + (result.added() == 1 ? " code" : " codes") + " added through the API, "
                  + result.rejected().size() + " rejected");
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

  public PageResponse<Code> page(long couponSetId, CodeStatus status, PageRequest page) {
    return page(couponSetId, status, null, page);
  }

  /** A page of codes of one child key (a child set's id, 0 for the codes outside child sets, null for all). */
  public PageResponse<Code> page(long couponSetId, CodeStatus status, Long childKey, PageRequest page) {
    sets.require(couponSetId);
    if (childKey != null && childKey != 0) {
      sets.requireChild(couponSetId, childKey);
    }
    return page.toResponse(codes.page(couponSetId, status, childKey, page.beforeId(), page.fetchSize()), Code::id);
  }

  /**
   * Moves available codes between the set's child sets (or out of them, into the set itself): the
   * named ones, or a number of them from one child set. Codes held by contacts stay where they were
   * assigned from. Counters move in the same transaction, so they are exact when this returns.
   */
  public MoveCodesResult move(long couponSetId, MoveCodesRequest request) {
    CouponSet set = sets.require(couponSetId);
    if (set.isSingle()) {
      throw ApiException.unprocessable("not-a-multiple-set", "Not a multiple set",
          "Set " + couponSetId + " is a single set: it has one code and no child sets");
    }
    boolean byCodes = request.codes() != null;
    if (byCodes == (request.count() != null)) {
      throw ApiException.invalid("codes", "send either codes (the values to move) or count (how many available codes)");
    }
    if (byCodes && request.fromChildSetId() != null) {
      throw ApiException.invalid("fromChildSetId", "fromChildSetId goes with count; named codes are moved from wherever they are");
    }
    Long to = request.toChildSetId();
    Long from = request.fromChildSetId();
    String toName = to == null ? "the set itself" : "child set '" + sets.requireChild(couponSetId, to).name() + "'";
    String fromName = from == null ? "the set itself" : "child set '" + sets.requireChild(couponSetId, from).name() + "'";
    long toKey = to == null ? 0 : to;
    long fromKey = from == null ? 0 : from;
    if (!byCodes && fromKey == toKey) {
      throw ApiException.unprocessable("same-child-set", "Same child set", "The codes are in " + toName + " already");
    }
    return tx.execute(status -> {
      if (!sets.holdForNewCodes(couponSetId, to) || (!byCodes && !sets.holdForNewCodes(couponSetId, from))) {
        throw ApiException.notFound("Child set", to != null ? to : from);
      }
      Map<Long, Long> movedFrom;
      List<MovedCodes.Skipped> skipped;
      if (byCodes) {
        MovedCodes moved = codes.moveFree(couponSetId, request.codes(), toKey);
        movedFrom = moved.movedFrom();
        skipped = moved.skipped();
      } else {
        long moved = codes.moveFree(couponSetId, fromKey, toKey, request.count());
        movedFrom = moved == 0 ? Map.of() : Map.of(fromKey, moved);
        skipped = List.of();
      }
      long total = 0;
      for (Map.Entry<Long, Long> entry : movedFrom.entrySet()) {
        counters.add(couponSetId, entry.getKey(), new Counters(-entry.getValue(), 0, 0, 0));
        total += entry.getValue();
      }
      if (total > 0) {
        counters.add(couponSetId, toKey, new Counters(total, 0, 0, 0));
        audit.record("codes.moved", "coupon-set", couponSetId, total + " available codes moved "
            + (byCodes ? "" : "from " + fromName + " ") + "into " + toName);
      }
      return new MoveCodesResult(total, to, skipped);
    });
  }

  public void export(long couponSetId, CodeStatus status, Consumer<Code> sink) {
    audit.record("codes.exported", "coupon-set", couponSetId, status == null ? "All codes" : "The " + status.wire() + " codes");
    codes.forEach(couponSetId, status, sink);
  }
}
