package io.couponflow.webhook;

import io.couponflow.jobs.JobsProperties;
import io.couponflow.jobs.NodeStopping;
import io.couponflow.jobs.PollingWorkers;
import io.couponflow.webhook.WebhookRepository.Delivery;
import io.couponflow.webhook.WebhookRepository.Outcome;
import io.couponflow.webhook.WebhookRepository.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's share of the webhook deliveries: a few worker threads, each claiming a handful of
 * lanes (a subscription's events of one set) whose first pending event is due, from any node
 * (SKIP LOCKED), and sending each lane's events in order until one fails; results are written in
 * one transaction per lane. A failed event waits out its backoff and holds its lane back, so
 * events of a set never overtake each other. A node that dies with lanes in hand leaves them to
 * others when the lease ends; what it sent but did not record is sent again (at least once).
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class DeliveryWorkers extends PollingWorkers {
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);
  private static final long MIN_EMPTY_CLAIM_GAP_NANOS = 100_000_000;

  /** A claimed lane: its head (leased) and the pending events after it. */
  record Lane(Delivery head, List<Delivery> events) {}

  private final WebhookRepository repository;
  private final WebhookSender sender;
  private final DeliverySignal signal;
  private final WebhookProperties properties;
  private final NodeStopping stopping;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String node;

  DeliveryWorkers(WebhookRepository repository, WebhookSender sender, DeliverySignal signal,
      WebhookProperties properties, JobsProperties jobs, NodeStopping stopping, TransactionTemplate tx, Clock clock) {
    super("webhook-delivery", properties.threads(), properties.pollInterval(), signal, jobs);
    this.repository = repository;
    this.sender = sender;
    this.signal = signal;
    this.properties = properties;
    this.stopping = stopping;
    this.tx = tx;
    this.clock = clock;
    this.node = jobs.node();
  }

  @Override
  protected boolean round() throws InterruptedException {
    List<Lane> lanes = claim();
    if (lanes.isEmpty()) {
      return false;
    }
    if (lanes.size() == properties.lanesPerClaim()) {
      signal.wake();
    }
    for (Lane lane : lanes) {
      deliver(lane);
    }
    return true;
  }

  /**
   * Every commit of an event wakes a worker; while nothing is claimable (a receiver that is down,
   * lanes in backoff) look at most ten times a second instead of once per commit.
   */
  @Override
  protected void idle() throws InterruptedException {
    long idleSince = System.nanoTime();
    super.idle();
    long rest = MIN_EMPTY_CLAIM_GAP_NANOS - (System.nanoTime() - idleSince);
    if (rest > 0) {
      Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
    }
  }

  @Override
  protected void failed(RuntimeException e) {
    // the claimed lanes are free again when their lease ends
    log.warn("Webhook delivery failed; its lanes are retried after their lease", e);
  }

  /** Claims lanes now; visible for tests, which also call it to deliver without waiting for a poll. */
  List<Lane> claim() {
    Instant now = clock.instant();
    Instant leaseEnd = now.plus(properties.lease());
    return tx.execute(status -> {
      List<Lane> lanes = new ArrayList<>();
      for (Delivery head : repository.claimLaneHeads(now, leaseEnd, node, properties.lanesPerClaim())) {
        List<Delivery> events = new ArrayList<>();
        events.add(head);
        events.addAll(repository.laneAfter(head, Math.max(0, properties.eventsPerLane() - 1)));
        lanes.add(new Lane(head, events));
      }
      return lanes;
    });
  }

  /** Sends a lane's events in order until one fails, the lease runs short or the node stops; records what happened. */
  void deliver(Lane lane) throws InterruptedException {
    Optional<Subscription> subscription = repository.subscription(lane.head().subscriptionId());
    if (subscription.isEmpty()) {
      return;
    }
    Instant claimedAt = clock.instant();
    long started = System.nanoTime();
    long budget = properties.lease().toNanos() / 2;
    Map<Long, Outcome> delivered = new LinkedHashMap<>();
    java.util.Set<Long> retried = new java.util.HashSet<>();
    Delivery failed = null;
    Outcome failure = null;
    for (Delivery delivery : lane.events()) {
      boolean later = delivery != lane.head() && delivery.nextAttemptAt().isAfter(claimedAt);
      if (later || !isRunning() || stopping.now() || System.nanoTime() - started > budget) {
        break;
      }
      Outcome outcome = sender.send(subscription.get(), delivery);
      if (!outcome.succeeded()) {
        failed = delivery;
        failure = outcome;
        break;
      }
      delivered.put(delivery.id(), outcome);
      if (delivery.attempts() > 0) {
        retried.add(delivery.id());
      }
    }
    Delivery failedDelivery = failed;
    Outcome failedOutcome = failure;
    Instant now = clock.instant();
    tx.executeWithoutResult(status -> {
      repository.recordDelivered(delivered, retried, now);
      if (failedDelivery != null) {
        repository.recordFailure(failedDelivery.id(), failedOutcome, nextAttempt(failedDelivery, now), now);
      }
      if (delivered.isEmpty() && failedDelivery == null) {
        repository.releaseLease(lane.head().id());
      }
    });
    if (failedDelivery == null && !delivered.isEmpty()) {
      // the lane may have more: look again at once
      signal.wake();
    }
  }

  /** Doubling from the first retry delay up to the largest; null once the next try would be past retry-for. */
  Instant nextAttempt(Delivery delivery, Instant now) {
    int attempts = delivery.attempts() + 1;
    Duration delay = properties.firstRetry().multipliedBy(1L << Math.min(20, attempts - 1));
    if (delay.compareTo(properties.largestRetry()) > 0) {
      delay = properties.largestRetry();
    }
    Instant next = now.plus(delay);
    return next.isAfter(delivery.createdAt().plus(properties.retryFor())) ? null : next;
  }
}
