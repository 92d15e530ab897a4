package io.couponflow.assignment;

import io.couponflow.code.ClaimedCode;
import io.couponflow.code.CodePool;
import io.couponflow.code.CodeStatus;
import io.couponflow.common.ApiException;
import io.couponflow.common.Hashing;
import io.couponflow.couponset.ChildSet;
import io.couponflow.couponset.CouponSet;
import io.couponflow.couponset.CouponSetDeleted;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.Counters;
import io.couponflow.couponset.SetCounters;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands codes to contacts. Each assignment is one short transaction: claim a code (or count a use
 * of an individual set), record the assignment, then the contended rows last so their locks are
 * held only until commit. Two calls racing for the same contact or idempotency key meet on a
 * primary key: the loser rolls back (its code goes back to the queue) and answers with the winner's.
 */
@Service
public class AssignmentService {
  private static final int ATTEMPTS = 3;

  private final AssignmentRepository assignments;
  private final CouponSetService sets;
  private final CodePool pool;
  private final SetCounters counters;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssignmentService(AssignmentRepository assignments, CouponSetService sets, CodePool pool,
      SetCounters counters, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
    this.assignments = assignments;
    this.sets = sets;
    this.pool = pool;
    this.counters = counters;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /** The outcome of an assign call: the assignment and whether it was given earlier. */
  public record Result(Assignment assignment, boolean reused) {}

  public Result assign(long couponSetId, AssignRequest request, String idempotencyKey) {
    CouponSet set = sets.require(couponSetId);
    ChildSet child = request.childSetId() == null ? null : sets.requireChild(couponSetId, request.childSetId());
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ApiException.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters");
    }
    String requestHash = hash(request);
    long childKey = child == null ? 0 : child.id();
    for (int attempt = 1; ; attempt++) {
      Optional<Result> earlier = earlier(set, childKey, request.contactId(), idempotencyKey, requestHash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      try {
        return new Result(tx.execute(status -> assignNew(set, child, request, idempotencyKey, requestHash)), false);
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /**
   * Assigns every command, answering in command order; each outcome is what {@link #assign} would
   * have answered alone. Commands for the same set and child set are served together.
   */
  public java.util.List<AssignOutcome> assignAll(java.util.List<AssignCommand> commands) {
    java.util.List<AssignOutcome> outcomes = new java.util.ArrayList<>(commands.size());
    for (AssignCommand command : commands) {
      try {
        outcomes.add(AssignOutcome.of(assign(command.couponSetId(), command.request(), command.idempotencyKey())));
      } catch (ApiException e) {
        outcomes.add(AssignOutcome.failed(e));
      }
    }
    return outcomes;
  }

  private Optional<Result> earlier(CouponSet set, long childKey, String contactId, String key, String requestHash) {
    if (key != null) {
      var stored = assignments.findRequest(set.id(), key);
      if (stored.isPresent()) {
        if (!stored.get().requestHash().equals(requestHash)) {
          throw ApiException.unprocessable("idempotency-key-reused", "Idempotency key reused",
              "This Idempotency-Key was already used for this set with a different request body");
        }
        return assignments.find(stored.get().assignmentId()).map(a -> new Result(a, true));
      }
    }
    if (set.assignmentPolicy().reusesHeldCode()) {
      return assignments.findHeld(set.id(), childKey, contactId).map(a -> new Result(a, true));
    }
    return Optional.empty();
  }

  private Assignment assignNew(CouponSet set, ChildSet child, AssignRequest request, String key, String requestHash) {
    Instant now = clock.instant();
    if (set.isExpiredAt(now)) {
      throw ApiException.conflict("coupon-set-expired", "Coupon set expired",
          "Coupon set " + set.id() + " (" + set.name() + ") expired at " + set.expiresAt());
    }
    long childKey = child == null ? 0 : child.id();
    long codeId;
    String code;
    long codeChildKey;
    if (set.isSingle()) {
      codeId = pool.singleCodeId(set.id());
      code = set.code();
      codeChildKey = 0;
    } else {
      ClaimedCode claimed = pool.claim(set.id(), child == null ? null : childKey).orElseThrow(() -> exhausted(set));
      codeId = claimed.codeId();
      code = claimed.value();
      codeChildKey = claimed.childKey();
    }
    long id = assignments.insert(set.id(), child == null ? null : child.id(), codeChildKey, codeId, code,
        request.contactId(), request.workflowId(), now);
    if (set.assignmentPolicy().reusesHeldCode()) {
      assignments.insertHold(set.id(), childKey, request.contactId(), id);
    }
    if (key != null) {
      assignments.insertRequest(set.id(), key, requestHash, id, now);
    }
    // one lock order everywhere (listeners' rows, counter stripe, the set's use count), hottest last: no deadlocks,
    // and the most contended locks are held only until commit
    events.publishEvent(new AssignmentEvents.CouponAssigned(id, set.id(), child == null ? null : child.id(),
        codeChildKey, code, request.contactId(), request.workflowId(), now));
    counters.add(set.id(), codeChildKey, new Counters(0, 1, 0, 0));
    if (set.isSingle() && !sets.takeSingleUse(set.id())) {
      throw exhausted(set);
    }
    return new Assignment(id, set.id(), child == null ? null : child.id(), codeChildKey, codeId, code,
        request.contactId(), request.workflowId(), AssignmentStatus.ASSIGNED, now, null, null, null);
  }

  private static ApiException exhausted(CouponSet set) {
    return ApiException.conflict("coupon-set-exhausted", "Coupon set exhausted",
        "No code is left to assign in coupon set " + set.id() + " (" + set.name() + ")");
  }

  public Assignment get(long id) {
    return assignments.find(id).orElseThrow(() -> ApiException.notFound("Assignment", id));
  }

  /** Marks the code as shown to the contact; marking twice is harmless. */
  @Transactional
  public Assignment markSent(long id) {
    Assignment a = assignments.lock(id).orElseThrow(() -> ApiException.notFound("Assignment", id));
    if (a.status() == AssignmentStatus.RELEASED) {
      throw ApiException.conflict("assignment-released", "Assignment released",
          "Assignment " + id + " was released; its code may belong to someone else now");
    }
    if (a.status() == AssignmentStatus.ASSIGNED) {
      Instant now = clock.instant();
      assignments.markSent(id, now);
      if (!sets.require(a.couponSetId()).isSingle()) {
        pool.transition(a.codeId(), CodeStatus.SENT);
      }
      events.publishEvent(new AssignmentEvents.CouponSent(id, a.couponSetId(), a.codeChildKey(), a.code(),
          a.contactId(), a.workflowId(), now));
      counters.add(a.couponSetId(), a.codeChildKey(), new Counters(0, 0, 1, 0));
    }
    return assignments.find(id).orElseThrow();
  }

  /** Gives an unsent, unredeemed code back to the pool, exactly once. */
  @Transactional
  public Assignment release(long id) {
    Assignment a = assignments.lock(id).orElseThrow(() -> ApiException.notFound("Assignment", id));
    if (a.status() != AssignmentStatus.ASSIGNED) {
      throw ApiException.conflict("assignment-not-releasable", "Assignment cannot be released",
          "Assignment " + id + " is " + a.status().wire() + "; only an unsent, unredeemed assignment can be released");
    }
    CouponSet set = sets.require(a.couponSetId());
    Instant now = clock.instant();
    assignments.markReleased(id, now);
    assignments.deleteHold(id);
    events.publishEvent(new AssignmentEvents.CouponReleased(id, set.id(), a.codeChildKey(), a.code(), a.contactId(),
        a.workflowId(), now));
    counters.add(set.id(), a.codeChildKey(), new Counters(0, -1, 0, 0));
    if (set.isSingle()) {
      sets.giveBackSingleUse(set.id());
    } else {
      pool.release(a.codeChildKey(), a.codeId());
    }
    return assignments.find(id).orElseThrow();
  }

  /**
   * Marks the live assignment holding a code redeemed, in the caller's transaction (redemption
   * owns counters and code status). Empty when no contact holds the code: a leaked code.
   */
  public Optional<Assignment> markRedeemedByCode(long codeId, Instant at) {
    Optional<Assignment> live = assignments.lockLiveByCode(codeId);
    live.ifPresent(a -> assignments.markRedeemed(a.id(), at));
    return live;
  }

  /** An individual set's code is shared: the use is the contact's newest live assignment of the set. */
  public Optional<Assignment> markRedeemedByContact(long couponSetId, String contactId, Instant at) {
    Optional<Assignment> live = assignments.lockLiveByContact(couponSetId, contactId);
    live.ifPresent(a -> assignments.markRedeemed(a.id(), at));
    return live;
  }

  public boolean everAssigned(long couponSetId) {
    return assignments.anyFor(couponSetId);
  }

  @EventListener
  void on(CouponSetDeleted deleted) {
    assignments.forgetSet(deleted.couponSetId());
  }

  private static String hash(AssignRequest request) {
    return Hashing.sha256Hex(request.contactId() + "\n" + request.childSetId() + "\n" + request.workflowId());
  }
}
