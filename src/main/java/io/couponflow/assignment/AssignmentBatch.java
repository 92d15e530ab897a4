package io.couponflow.assignment;

import io.couponflow.assignment.AssignmentRepository.Claim;
import io.couponflow.assignment.AssignmentRepository.Replay;
import io.couponflow.code.ClaimedCode;
import io.couponflow.code.CodePool;
import io.couponflow.common.ApiException;
import io.couponflow.couponset.ChildSet;
import io.couponflow.couponset.CouponSet;
import io.couponflow.couponset.CouponSetDeleted;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.Counters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves many assignment requests of one set and child set in one transaction, a handful of
 * statements whatever their number: ids for all, the idempotency keys and contact holds inserted
 * skipping conflicts (only the losers are looked up), the codes claimed in one statement, the
 * assignments, activity and rollups written as multi-row inserts, the counters added once. Each
 * request gets the answer it would have got alone; requests that ran out of codes get 409 in
 * arrival order. Keys and holds are inserted in key order, so two batches never deadlock on them.
 */
@Component
class AssignmentBatch {
  private static final int ATTEMPTS = 3;

  /** One request: what the caller asked, its idempotency key (may be null) and the hash of its body. */
  record Ask(AssignRequest request, String key, String requestHash) {}

  /** The answer to one ask: a result, or what a single call would have thrown. */
  record Answer(AssignmentService.Result result, RuntimeException failure) {
    static Answer of(Assignment assignment, boolean reused) {
      return new Answer(new AssignmentService.Result(assignment, reused), null);
    }

    static Answer failed(RuntimeException failure) {
      return new Answer(null, failure);
    }

    Answer replayed() {
      return result == null ? this : of(result.assignment(), true);
    }
  }

  /** A concurrent transaction holds the key or hold we collided with and has not committed it: run again. */
  private static final class RaceLost extends RuntimeException {
    RaceLost() {
      super("a concurrent assignment of the same contact or key has not committed yet", null, false, false);
    }
  }

  private final AssignmentRepository assignments;
  private final CouponSetService sets;
  private final CodePool codes;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<Long, Long> singleCodeIds = new ConcurrentHashMap<>();

  AssignmentBatch(AssignmentRepository assignments, CouponSetService sets, CodePool codes, TransactionTemplate tx,
      ApplicationEventPublisher events, Clock clock) {
    this.assignments = assignments;
    this.sets = sets;
    this.codes = codes;
    // its own transaction even when the leading thread is inside one: a batch answers other requests too
    this.tx = new TransactionTemplate(tx.getTransactionManager());
    this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.events = events;
    this.clock = clock;
  }

  /** Answers every ask, in order. Never throws: a failure of the whole batch is every ask's answer. */
  List<Answer> run(CouponSet set, ChildSet child, List<Ask> asks) {
    Answer[] answers = new Answer[asks.size()];
    int[] leader = leaders(set, asks, answers);
    for (int attempt = 1; ; attempt++) {
      try {
        Answer[] attemptAnswers = answers.clone();
        tx.executeWithoutResult(status -> assign(set, child, asks, leader, attemptAnswers));
        for (int i = 0; i < asks.size(); i++) {
          answers[i] = leader[i] >= 0 ? attemptAnswers[leader[i]].replayed() : attemptAnswers[i];
        }
        return List.of(answers);
      } catch (RaceLost | DataIntegrityViolationException | PessimisticLockingFailureException raced) {
        if (attempt == ATTEMPTS) {
          return failAll(answers, raced);
        }
      } catch (RuntimeException e) {
        return failAll(answers, e);
      }
    }
  }

  private static List<Answer> failAll(Answer[] answers, RuntimeException e) {
    List<Answer> failed = new ArrayList<>(answers.length);
    for (Answer answer : answers) {
      failed.add(answer != null ? answer : Answer.failed(e));
    }
    return failed;
  }

  /**
   * Within the batch, a repeated idempotency key or (once-per-contact) a repeated contact gets the
   * first one's answer, as it would arriving just after it: leader[i] is that first ask, -1 for a
   * leader itself, and a key reused with another body is answered 422 at once.
   */
  private static int[] leaders(CouponSet set, List<Ask> asks, Answer[] answers) {
    int[] leader = new int[asks.size()];
    Map<String, Integer> byKey = new HashMap<>();
    Map<String, Integer> byContact = new HashMap<>();
    for (int i = 0; i < asks.size(); i++) {
      Ask ask = asks.get(i);
      leader[i] = -1;
      Integer first = ask.key() == null ? null : byKey.get(ask.key());
      if (first != null) {
        if (asks.get(first).requestHash().equals(ask.requestHash())) {
          leader[i] = first;
        } else {
          answers[i] = Answer.failed(AssignmentService.keyReused());
          leader[i] = -2;
        }
        continue;
      }
      first = set.assignmentPolicy().reusesHeldCode() ? byContact.get(ask.request().contactId()) : null;
      if (first != null) {
        leader[i] = first;
        continue;
      }
      if (ask.key() != null) {
        byKey.put(ask.key(), i);
      }
      byContact.putIfAbsent(ask.request().contactId(), i);
    }
    return leader;
  }

  private void assign(CouponSet set, ChildSet child, List<Ask> asks, int[] leader, Answer[] answers) {
    Instant now = clock.instant();
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < asks.size(); i++) {
      if (leader[i] == -1) {
        open.add(i);
      }
    }
    if (set.isExpiredAt(now)) {
      open.forEach(i -> answers[i] = Answer.failed(AssignmentService.expired(set)));
      return;
    }
    long childKey = child == null ? 0 : child.id();
    Map<Integer, Long> idOf = new HashMap<>();
    replayStoredKeys(set, asks, open, idOf, answers, now);
    reuseHeldCodes(set, childKey, asks, open, idOf, answers);
    List<CodeFor> given = takeCodes(set, child, open.size());
    List<Long> unmade = new ArrayList<>();
    for (int n = given.size(); n < open.size(); n++) {
      answers[open.get(n)] = Answer.failed(AssignmentService.exhausted(set));
      if (idOf.containsKey(open.get(n))) {
        unmade.add(idOf.get(open.get(n)));
      }
    }
    assignments.forgetUnmade(unmade);
    if (given.isEmpty()) {
      ranOut(set, child, given, open, now);
      return;
    }
    List<Assignment> rows = new ArrayList<>(given.size());
    for (int n = 0; n < given.size(); n++) {
      int i = open.get(n);
      AssignRequest request = asks.get(i).request();
      CodeFor code = given.get(n);
      rows.add(new Assignment(idOf.getOrDefault(i, 0L), set.id(), child == null ? null : child.id(), code.childKey(),
          code.codeId(), code.value(), request.contactId(), request.workflowId(), AssignmentStatus.ASSIGNED, now, null,
          null, null, code.fields()));
    }
    List<Long> ids = assignments.insertAll(rows);
    List<Assignment> made = new ArrayList<>(rows.size());
    for (int n = 0; n < rows.size(); n++) {
      made.add(rows.get(n).withId(ids.get(n)));
      answers[open.get(n)] = Answer.of(made.get(n), false);
    }
    // one lock order everywhere (listeners' rows, then the counter stripe), hottest last
    events.publishEvent(new AssignmentEvents.CouponsAssigned(made.stream().map(a -> new AssignmentEvents.CouponAssigned(
        a.id(), a.couponSetId(), a.childSetId(), a.codeChildKey(), a.code(), a.contactId(), a.workflowId(), now))
        .toList()));
    ranOut(set, child, given, open, now);
    Map<Long, Long> byChild = new LinkedHashMap<>();
    made.forEach(a -> byChild.merge(a.codeChildKey(), 1L, Long::sum));
    byChild.forEach((codeChildKey, count) -> sets.count(set.id(), codeChildKey, Counters.assigned(count)));
  }

  private void ranOut(CouponSet set, ChildSet child, List<CodeFor> given, List<Integer> open, Instant now) {
    if (given.size() < open.size()) {
      events.publishEvent(new AssignmentEvents.CouponSetRanOut(set.id(), child == null ? null : child.id(), now));
    }
  }

  /** Keys seen before answer with their first assignment (or 422 for another body); only those are looked up. */
  private void replayStoredKeys(CouponSet set, List<Ask> asks, List<Integer> open, Map<Integer, Long> idOf,
      Answer[] answers, Instant now) {
    List<Claim> rows = new ArrayList<>();
    for (int i : open) {
      Ask ask = asks.get(i);
      if (ask.key() != null) {
        rows.add(new Claim(ask.key(), ask.requestHash(), null));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    Map<String, Long> stored = assignments.insertRequests(set.id(), rows, now);
    for (int i : open) {
      Long id = asks.get(i).key() == null ? null : stored.get(asks.get(i).key());
      if (id != null) {
        idOf.put(i, id);
      }
    }
    List<Integer> replays = open.stream()
        .filter(i -> asks.get(i).key() != null && !stored.containsKey(asks.get(i).key())).toList();
    if (replays.isEmpty()) {
      return;
    }
    Map<String, Replay> earlier = assignments.findRequests(set.id(), replays.stream().map(i -> asks.get(i).key()).toList());
    for (int i : replays) {
      Replay replay = earlier.get(asks.get(i).key());
      if (replay == null) {
        throw new RaceLost();
      }
      answers[i] = replay.requestHash().equals(asks.get(i).requestHash()) ? Answer.of(replay.assignment(), true)
          : Answer.failed(AssignmentService.keyReused());
    }
    open.removeAll(replays);
  }

  /** Under once-per-contact, a contact who holds a code of this set and child set gets it again. */
  private void reuseHeldCodes(CouponSet set, long childKey, List<Ask> asks, List<Integer> open, Map<Integer, Long> idOf,
      Answer[] answers) {
    if (!set.assignmentPolicy().reusesHeldCode() || open.isEmpty()) {
      return;
    }
    List<Claim> rows = open.stream().map(i -> new Claim(asks.get(i).request().contactId(), null, idOf.get(i))).toList();
    Map<String, Long> newHolders = assignments.insertHolds(set.id(), childKey, rows);
    for (int i : open) {
      Long id = newHolders.get(asks.get(i).request().contactId());
      if (id != null) {
        idOf.put(i, id);
      }
    }
    List<Integer> holders = open.stream().filter(i -> !newHolders.containsKey(asks.get(i).request().contactId()))
        .toList();
    if (holders.isEmpty()) {
      return;
    }
    Map<String, Assignment> held = assignments.findHeld(set.id(), childKey,
        holders.stream().map(i -> asks.get(i).request().contactId()).toList());
    for (int i : holders) {
      Assignment assignment = held.get(asks.get(i).request().contactId());
      if (assignment == null) {
        throw new RaceLost();
      }
      answers[i] = Answer.of(assignment, true);
    }
    // as alone: a reused hold answers without storing the request's key
    assignments.forgetUnmade(holders.stream().map(idOf::get).filter(java.util.Objects::nonNull).toList());
    open.removeAll(holders);
  }

  private record CodeFor(long codeId, String value, long childKey, Map<String, String> fields) {}

  private List<CodeFor> takeCodes(CouponSet set, ChildSet child, int wanted) {
    if (wanted == 0) {
      return List.of();
    }
    if (set.isSingle()) {
      int taken = sets.takeSingleUses(set.id(), wanted);
      long codeId = singleCodeIds.computeIfAbsent(set.id(), codes::singleCodeId);
      return java.util.Collections.nCopies(taken, new CodeFor(codeId, set.code(), 0, Map.of()));
    }
    List<ClaimedCode> claimed = codes.claim(set.id(), child == null ? null : child.id(), wanted);
    return claimed.stream().map(c -> new CodeFor(c.codeId(), c.value(), c.childKey(), c.fields())).toList();
  }

  @EventListener
  void on(CouponSetDeleted deleted) {
    singleCodeIds.remove(deleted.couponSetId());
  }
}
