package io.couponflow.redemption;

import io.couponflow.assignment.Assignment;
import io.couponflow.assignment.AssignmentService;
import io.couponflow.code.CodePool;
import io.couponflow.code.CodeRules;
import io.couponflow.code.CodeStatus;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.couponset.CouponSetDeleted;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.Counters;
import io.couponflow.redemption.RedemptionRepository.CodeRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that a shop order used a code. The public entry point for the API, the Shopify webhook and
 * {@code purchase} events carrying {@code coupons} (contact feature): call {@link #redeem} once per code.
 * One transaction: the redemption row, the assignment marked redeemed, the code status, the counters
 * and the rollups (through {@link RedemptionEvents.CouponRedeemed}).
 */
@Service
public class RedemptionService {
  private static final int ATTEMPTS = 3;

  private final RedemptionRepository redemptions;
  private final AssignmentService assignments;
  private final CodePool codes;
  private final CouponSetService sets;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RedemptionService(RedemptionRepository redemptions, AssignmentService assignments, CodePool codes,
      CouponSetService sets, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
    this.redemptions = redemptions;
    this.assignments = assignments;
    this.codes = codes;
    this.sets = sets;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /** created false: this order had already redeemed this code (an idempotent replay). */
  public record Result(Redemption redemption, boolean created) {}

  /**
   * Records a redemption. Throws ApiException 404 for an unknown code, 409 {@code code-already-redeemed}
   * when a single-use code was redeemed by another order. Codes are matched without regard to case.
   */
  public Result redeem(RedeemRequest request) {
    if (request.orderId() == null || request.orderId().isBlank() || request.orderId().strip().length() > 255) {
      throw ApiException.invalid("orderId", "orderId must be 1 to 255 characters");
    }
    if (request.code() == null || CodeRules.trim(request.code()).isEmpty()) {
      throw ApiException.invalid("code", "code is required");
    }
    String codeKey = CodeRules.keyOf(CodeRules.trim(request.code()));
    String orderId = request.orderId().strip();
    for (int attempt = 1; ; attempt++) {
      Optional<Redemption> earlier = redemptions.findByOrder(codeKey, orderId);
      if (earlier.isPresent()) {
        return new Result(earlier.get(), false);
      }
      try {
        return tx.execute(status -> redeemNew(codeKey, orderId, request));
      } catch (DataIntegrityViolationException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private Result redeemNew(String codeKey, String orderId, RedeemRequest request) {
    CodeRef code = findCode(request.code())
        .orElseThrow(() -> ApiException.notFound("Code", CodeRules.trim(request.code())));
    Instant now = clock.instant();
    Instant at = request.redeemedAt() == null ? now : request.redeemedAt();
    Optional<Assignment> holder;
    if (code.single()) {
      // a shared code: the use is the redeeming contact's own assignment, or nobody's
      holder = request.contactId() == null ? Optional.empty()
          : assignments.markRedeemedByContact(code.couponSetId(), request.contactId(), at);
    } else {
      // serialises redemptions of one single-use code (and its claim, which updates the same row)
      codes.lock(code.id());
      Optional<Redemption> replay = redemptions.findByOrder(codeKey, orderId);
      if (replay.isPresent()) {
        return new Result(replay.get(), false);
      }
      if (redemptions.anyFor(codeKey)) {
        throw ApiException.conflict("code-already-redeemed", "Code already redeemed",
            "The single-use code " + code.value() + " was already redeemed by another order");
      }
      holder = assignments.markRedeemedByCode(code.id(), at);
      // a leaked code (free until now) leaves the pool by its status, so nobody is given a used code;
      // it is counted as leaked, not assigned
      codes.transition(code.id(), CodeStatus.REDEEMED);
    }
    LeakKind leak = leakOf(holder, request.contactId());
    long childKey = holder.map(Assignment::codeChildKey).orElse(code.childKey());
    Long assignmentId = holder.map(Assignment::id).orElse(null);
    Long workflowId = holder.map(Assignment::workflowId).orElse(null);
    String assignedTo = holder.map(Assignment::contactId).orElse(null);
    long id = redemptions.insert(codeKey, code, childKey, assignmentId, workflowId, request, leak, assignedTo, at, now);
    // listeners before the counter stripe: the lock order of every counting transaction (see AssignmentService)
    events.publishEvent(new RedemptionEvents.CouponRedeemed(id, code.couponSetId(), childKey, workflowId, code.value(),
        request.contactId(), leak == LeakKind.NOT_ASSIGNED, holder.map(Assignment::sentAt).orElse(null), at,
        leak == LeakKind.OTHER_CONTACT));
    sets.count(code.couponSetId(), childKey,
        leak == LeakKind.NOT_ASSIGNED ? Counters.leakedUse() : Counters.redeemed(leak == LeakKind.OTHER_CONTACT));
    return new Result(redemptions.find(id).orElseThrow(), true);
  }

  /** Nobody held the code, or the redemption names another contact than its holder; null: no leak. */
  static LeakKind leakOf(Optional<Assignment> holder, String redeemedBy) {
    if (holder.isEmpty()) {
      return LeakKind.NOT_ASSIGNED;
    }
    return redeemedBy != null && !redeemedBy.strip().equals(holder.get().contactId()) ? LeakKind.OTHER_CONTACT : null;
  }

  /** A set's leak report, newest first; {@code kind} null = both kinds. */
  public PageResponse<Leak> leaks(long couponSetId, LeakKind kind, PageRequest page) {
    sets.require(couponSetId);
    List<Redemption> found = redemptions.leaks(couponSetId, kind, page.beforeId(), page.fetchSize());
    return page.toResponse(found.stream().map(Redemption::asLeak).toList(), Leak::redemptionId);
  }

  private Optional<CodeRef> findCode(String value) {
    return codes.find(value).map(located -> new CodeRef(located.code().id(), located.code().code(),
        located.couponSetId(), located.code().childSetId() == null ? 0 : located.code().childSetId(),
        sets.require(located.couponSetId()).isSingle()));
  }

  /** What became of one coupon of a purchase: redeemed, replayed, or a problem slug such as not-found. */
  public record CouponOutcome(String code, String outcome, Long redemptionId) {}

  /**
   * Redeems every coupon of one purchase (a {@code purchase} event's {@code coupons}, a shop order). A
   * coupon that cannot be redeemed is reported in its outcome, not thrown, so it never loses the others.
   */
  public List<CouponOutcome> redeemPurchase(String orderId, List<String> coupons, BigDecimal amount, String currency,
      String contactId, Instant at) {
    List<CouponOutcome> outcomes = new ArrayList<>();
    for (String code : coupons) {
      if (code == null || code.isBlank()) {
        continue;
      }
      try {
        Result result = redeem(new RedeemRequest(code, orderId, amount, currency, contactId, at));
        outcomes.add(new CouponOutcome(code, result.created() ? "redeemed" : "replayed", result.redemption().id()));
      } catch (ApiException e) {
        outcomes.add(new CouponOutcome(code, e.slug(), null));
      }
    }
    return outcomes;
  }

  public Redemption get(long id) {
    return redemptions.find(id).orElseThrow(() -> ApiException.notFound("Redemption", id));
  }

  @EventListener
  void on(CouponSetDeleted deleted) {
    redemptions.deleteSet(deleted.couponSetId());
  }
}
