package io.couponflow.assignment;

import io.couponflow.assignment.AssignmentBatch.Answer;
import io.couponflow.assignment.AssignmentBatch.Ask;
import io.couponflow.couponset.ChildSet;
import io.couponflow.couponset.CouponSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Serves concurrent requests for the same set and child set (a lane) together. A request joins
 * its lane's queue; if no batch of the lane is running, its own thread runs one at once with
 * everything queued (up to {@code maxBatch}), so a lone request never waits for a timer. While a
 * batch is in its transaction, newcomers queue and the next batch takes them all
 * ({@code batches-in-flight} batches of a lane may run at once, one by default). A thread that
 * has its answers hands the lane to a waiting one, so nobody serves others' batches for long.
 */
@Component
class AssignmentCoalescer {
  private record LaneKey(long couponSetId, long childKey) {}

  private static final class Lane {
    final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    final AtomicInteger running = new AtomicInteger();

    boolean tryStart(int most) {
      for (int n; (n = running.get()) < most; ) {
        if (running.compareAndSet(n, n + 1)) {
          return true;
        }
      }
      return false;
    }
  }

  /** One ask waiting in a lane, answered by whichever thread runs its batch. */
  private static final class Waiting {
    final Ask ask;
    final Thread thread;
    volatile Answer answer;

    Waiting(Ask ask, Thread thread) {
      this.ask = ask;
      this.thread = thread;
    }
  }

  private final ConcurrentHashMap<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
  private final AssignmentBatch batch;
  private final int maxBatch;
  private final int inFlight;

  AssignmentCoalescer(AssignmentBatch batch, @Value("${couponflow.assignment.max-batch:64}") int maxBatch,
      @Value("${couponflow.assignment.batches-in-flight:1}") int inFlight) {
    this.batch = batch;
    this.maxBatch = maxBatch;
    this.inFlight = inFlight;
  }

  /** Answers the asks (all of one set and child set), in order, once each has been served. */
  List<Answer> submit(CouponSet set, ChildSet child, List<Ask> asks) {
    Lane lane = lanes.computeIfAbsent(new LaneKey(set.id(), child == null ? 0 : child.id()), k -> new Lane());
    List<Waiting> mine = new ArrayList<>(asks.size());
    for (Ask ask : asks) {
      Waiting waiting = new Waiting(ask, Thread.currentThread());
      mine.add(waiting);
      lane.queue.add(waiting);
    }
    while (!answered(mine)) {
      // an empty queue means ours are in a running batch, whose thread wakes us
      if (!lane.queue.isEmpty() && lane.tryStart(inFlight)) {
        serve(lane, set, child, mine);
      } else {
        LockSupport.park(this);
      }
    }
    return mine.stream().map(w -> w.answer).toList();
  }

  private void serve(Lane lane, CouponSet set, ChildSet child, List<Waiting> mine) {
    try {
      while (!answered(mine)) {
        List<Waiting> next = new ArrayList<>();
        for (Waiting w; next.size() < maxBatch && (w = lane.queue.poll()) != null; ) {
          next.add(w);
        }
        if (next.isEmpty()) {
          return;
        }
        List<Answer> answers;
        try {
          answers = batch.run(set, child, next.stream().map(w -> w.ask).toList());
        } catch (RuntimeException | Error e) {
          RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
          answers = next.stream().map(w -> Answer.failed(failure)).toList();
        }
        for (int i = 0; i < next.size(); i++) {
          next.get(i).answer = answers.get(i);
          LockSupport.unpark(next.get(i).thread);
        }
      }
    } finally {
      lane.running.decrementAndGet();
      // whoever queued after our last poll either took the lane itself or is woken here
      Waiting head = lane.queue.peek();
      if (head != null) {
        LockSupport.unpark(head.thread);
      }
    }
  }

  private static boolean answered(List<Waiting> waiting) {
    for (Waiting w : waiting) {
      if (w.answer == null) {
        return false;
      }
    }
    return true;
  }
}
