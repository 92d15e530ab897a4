package io.couponflow.assignment;

import io.couponflow.code.CodeStatus;
import io.couponflow.code.CodePool;
import io.couponflow.common.Hashing;
import io.couponflow.common.ApiException;
import io.couponflow.couponset.ChildSet;
import io.couponflow.couponset.CouponSet;
import io.couponflow.couponset.CouponSetDeleted;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.Counters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands codes to contacts. Requests for the same set and child set are served together by
 * {@link AssignmentCoalescer}, a batch per transaction ({@link AssignmentBatch}); each gets the
 * answer it would have got alone. No code ever goes to two assignments: the claim, the holds and
 * the idempotency keys are guarded by the database, whatever the number of nodes.
 */
@Service
public class AssignmentService {
  private final AssignmentRepository assignments;
  private final AssignmentCoalescer coalescer;
  private final CouponSetService sets;
  private final CodePool codes;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssignmentService(AssignmentRepository assignments, AssignmentCoalescer coalescer, CouponSetService sets,
      CodePool codes, ApplicationEventPublisher events, Clock clock) {
    this.assignments = assignments;
    this.coalescer = coalescer;
    this.sets = sets;
    this.codes = codes;
    this.events = events;
    this.clock = clock;
  }

  /** The outcome of an assign call: the assignment and whether it was given earlier. */
  public record Result(Assignment assignment, boolean reused) {}

  public Result assign(long couponSetId, AssignRequest request, String idempotencyKey) {
    CouponSet set = sets.requireForAssignment(couponSetId);
    ChildSet child = request.childSetId() == null ? null
        : sets.requireChildForAssignment(couponSetId, request.childSetId());
    var answer = coalescer.submit(set, child, List.of(ask(request, idempotencyKey))).get(0);
    if (answer.failure() != null) {
      throw answer.failure();
    }
    return answer.result();
  }

  /**
   * Assigns every command, answering in command order; each outcome is what {@link #assign} would
   * have answered alone. Commands for the same set and child set are served together.
   */
  public List<AssignOutcome> assignAll(List<AssignCommand> commands) {
    AssignOutcome[] outcomes = new AssignOutcome[commands.size()];
    Map<List<Long>, List<Integer>> lanes = new LinkedHashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      AssignCommand command = commands.get(i);
      lanes.computeIfAbsent(Arrays.asList(command.couponSetId(), command.request().childSetId()), k -> new ArrayList<>())
          .add(i);
    }
    lanes.forEach((lane, indexes) -> {
      try {
        CouponSet set = sets.requireForAssignment(lane.get(0));
        ChildSet child = lane.get(1) == null ? null : sets.requireChildForAssignment(lane.get(0), lane.get(1));
        List<AssignmentBatch.Ask> asks = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        for (int i : indexes) {
          try {
            asks.add(ask(commands.get(i).request(), commands.get(i).idempotencyKey()));
            asked.add(i);
          } catch (ApiException e) {
            outcomes[i] = AssignOutcome.failed(e);
          }
        }
        var answers = coalescer.submit(set, child, asks);
        for (int n = 0; n < asked.size(); n++) {
          var answer = answers.get(n);
          if (answer.failure() instanceof ApiException e) {
            outcomes[asked.get(n)] = AssignOutcome.failed(e);
          } else if (answer.failure() != null) {
            throw answer.failure();
          } else {
            outcomes[asked.get(n)] = AssignOutcome.of(answer.result());
          }
        }
      } catch (ApiException e) {
        indexes.forEach(i -> outcomes[i] = outcomes[i] != null ? outcomes[i] : AssignOutcome.failed(e));
      }
    });
    return Arrays.asList(outcomes);
  }

  private static AssignmentBatch.Ask ask(AssignRequest request, String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      throw ApiException.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters");
    }
    return new AssignmentBatch.Ask(request, idempotencyKey, idempotencyKey == null ? null : hash(request));
  }

  static ApiException exhausted(CouponSet set) {
    return ApiException.conflict("coupon-set-exhausted", "Coupon set exhausted",
        "No code is left to assign in coupon set " + set.id() + " (" + set.name() + ")");
  }

  static ApiException expired(CouponSet set) {
    return ApiException.conflict("coupon-set-expired", "Coupon set expired",
        "Coupon set " + set.id() + " (" + set.name() + ") expired at " + set.expiresAt());
  }

  static ApiException keyReused() {
    return ApiException.unprocessable("idempotency-key-reused", "Idempotency key reused",
        "This Idempotency-Key was already used for this set with a different request body");
  }

  /**
   * Which of the child sets each contact already holds a code of (once-per-contact sets keep a hold
   * per contact): a split test keeps such a contact in that arm. Contacts holding none are absent.
   */
  public Map<String, Long> heldChildSets(long couponSetId, Collection<Long> childSetIds, Collection<String> contactIds) {
    return assignments.heldChildKeys(couponSetId, childSetIds, contactIds);
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
        codes.transition(a.codeId(), CodeStatus.SENT);
      }
      events.publishEvent(new AssignmentEvents.CouponSent(id, a.couponSetId(), a.codeChildKey(), a.code(),
          a.contactId(), a.workflowId(), now));
      sets.count(a.couponSetId(), a.codeChildKey(), new Counters(0, 0, 1, 0));
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
    // the set's use count first: batched assignment locks it before the listeners' rows and the counters
    if (set.isSingle()) {
      sets.giveBackSingleUse(set.id());
    }
    events.publishEvent(new AssignmentEvents.CouponReleased(id, set.id(), a.codeChildKey(), a.code(), a.contactId(),
        a.workflowId(), now, a.assignedAt()));
    sets.count(set.id(), a.codeChildKey(), Counters.assigned(-1));
    if (!set.isSingle()) {
      codes.release(a.codeId());
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
