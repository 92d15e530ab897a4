package io.couponflow.workflow;

import io.couponflow.assignment.AssignCommand;
import io.couponflow.assignment.AssignOutcome;
import io.couponflow.assignment.AssignRequest;
import io.couponflow.assignment.AssignmentService;
import io.couponflow.common.ApiException;
import io.couponflow.contact.ActivityEntry;
import io.couponflow.contact.ActivityLog;
import io.couponflow.contact.ActivityType;
import io.couponflow.contact.Contact;
import io.couponflow.contact.ContactEvent;
import io.couponflow.contact.ContactEventsRecorded;
import io.couponflow.contact.ContactService;
import io.couponflow.delivery.EmailDelivery;
import io.couponflow.delivery.WebContentInbox;
import io.couponflow.workflow.RunRepository.Advance;
import io.couponflow.workflow.RunRepository.DueRun;
import io.couponflow.workflow.RunRepository.NewRun;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs workflows a batch of runs at a time. For the runs a worker claimed it executes each run's
 * current node, all Assign coupon nodes of the batch in one batch assignment and all web content
 * in one insert, then moves every run on in one transaction, and goes on with the runs whose next
 * node is due at once. Each step is idempotent per run and node (the assignment by its idempotency
 * key, the email and popup by a unique run step), so a batch that is cut off and run again by
 * another node (its lease ended) repeats nothing; a run another node moved on meanwhile is not
 * moved twice.
 */
@Service
class WorkflowEngine {
  /** Attempts of a step that throws before the run is marked failed. */
  static final int ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);

  private final RunRepository runs;
  private final WorkflowRepository workflows;
  private final AssignmentService assignments;
  private final ContactService contacts;
  private final EmailDelivery email;
  private final WebContentInbox webContent;
  private final ActivityLog activity;
  private final DueRunsSignal signal;
  private final WorkflowProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ExecutorService emailSenders;

  WorkflowEngine(RunRepository runs, WorkflowRepository workflows, AssignmentService assignments,
      ContactService contacts, EmailDelivery email, WebContentInbox webContent, ActivityLog activity,
      DueRunsSignal signal, WorkflowProperties properties, TransactionTemplate tx, Clock clock) {
    this.runs = runs;
    this.workflows = workflows;
    this.assignments = assignments;
    this.contacts = contacts;
    this.email = email;
    this.webContent = webContent;
    this.activity = activity;
    this.signal = signal;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
    this.emailSenders = Executors.newFixedThreadPool(Math.max(1, properties.emailThreads()), runnable -> {
      Thread sender = new Thread(runnable, "workflow-email");
      sender.setDaemon(true);
      return sender;
    });
  }

  @PreDestroy
  void stopSendingEmails() {
    emailSenders.shutdown();
  }

  /** What executing a run's current node gave: a result, or the exception it threw. */
  private record Executed(DueRun due, StepResult result, RuntimeException failure) {}

  /**
   * Every active workflow an event's type triggers starts a run, in the events' own transaction
   * (multi-row inserts for a batch); this node's workers start on them right after the commit.
   */
  @EventListener
  void on(ContactEventsRecorded recorded) {
    Map<String, List<Workflow>> triggered = new HashMap<>();
    List<NewRun> started = new ArrayList<>();
    for (ContactEvent event : recorded.events()) {
      for (Workflow workflow : triggered.computeIfAbsent(event.type(), workflows::activeTriggeredBy)) {
        started.add(new NewRun(workflow, event.contactId(), event.id()));
      }
    }
    if (started.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Long> ids = runs.insertAll(started, now);
    List<ActivityEntry> entries = new ArrayList<>(started.size());
    for (int i = 0; i < started.size(); i++) {
      Workflow workflow = started.get(i).workflow();
      entries.add(ActivityEntry.of(started.get(i).contactId(), ActivityType.WORKFLOW_STARTED, now)
          .workflow(workflow.id(), ids.get(i)).detail(workflow.name()));
    }
    activity.recordAll(entries);
    signal.wakeAfterCommit();
  }

  /**
   * Runs the claimed runs node after node until each has ended or waits; past half the lease the
   * rest is handed back as due, for any worker to go on with.
   */
  void execute(List<DueRun> claimed, Instant claimedAt) {
    Instant handBackAt = claimedAt.plus(properties.lease().dividedBy(2));
    List<DueRun> active = claimed;
    while (!active.isEmpty()) {
      List<Executed> executed = executeCurrentNodes(active);
      active = moveOn(executed, clock.instant().isBefore(handBackAt));
    }
  }

  private List<Executed> executeCurrentNodes(List<DueRun> batch) {
    int n = batch.size();
    StepResult[] results = new StepResult[n];
    RuntimeException[] failures = new RuntimeException[n];
    List<Integer> assigning = new ArrayList<>();
    List<Integer> showing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Run run = batch.get(i).run();
      Node node = run.nodes().get(run.nextNode());
      if (node instanceof AssignCouponNode) {
        assigning.add(i);
      } else if (node instanceof WaitNode w) {
        Instant until = clock.instant().plus(w.parsed());
        results[i] = StepResult.next(step(run.nextNode(), w.type(), "waiting", null, "until " + until)).waitUntil(until);
      } else {
        showing.add(i);
      }
    }
    long started = System.nanoTime();
    assignAll(batch, assigning, results, failures);
    long assigned = System.nanoTime();
    show(batch, showing, results, failures);
    if (log.isDebugEnabled()) {
      log.debug("{} steps: {} assign-coupon in {} ms, {} send in {} ms", n, assigning.size(),
          (assigned - started) / 1_000_000, showing.size(), (System.nanoTime() - assigned) / 1_000_000);
    }
    List<Executed> executed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      executed.add(new Executed(batch.get(i), results[i], failures[i]));
    }
    return executed;
  }

  /** The batch's Assign coupon nodes as one batch assignment; should it throw, each alone so one bad run fails alone. */
  private void assignAll(List<DueRun> batch, List<Integer> assigning, StepResult[] results,
      RuntimeException[] failures) {
    if (assigning.isEmpty()) {
      return;
    }
    Map<Integer, Long> heldArms = heldSplitArms(batch, assigning);
    List<AssignCommand> commands = new ArrayList<>(assigning.size());
    for (int i : assigning) {
      Run run = batch.get(i).run();
      AssignCouponNode a = (AssignCouponNode) run.nodes().get(run.nextNode());
      Long child = heldArms.containsKey(i) ? heldArms.get(i) : a.childFor(run.contactId(), run.workflowId());
      // one key per run step: a retried step gets the code it already took, never a second one
      commands.add(new AssignCommand(a.couponSetId(), new AssignRequest(run.contactId(), child, run.workflowId()),
          "workflow-run-" + run.id() + "-node-" + run.nextNode()));
    }
    List<AssignOutcome> outcomes = null;
    try {
      outcomes = assignments.assignAll(commands);
    } catch (RuntimeException batchFailed) {
      log.warn("Batch assignment of {} workflow steps failed; assigning them one by one", commands.size(), batchFailed);
    }
    for (int k = 0; k < assigning.size(); k++) {
      int i = assigning.get(k);
      Run run = batch.get(i).run();
      try {
        AssignOutcome outcome = outcomes != null ? outcomes.get(k) : assignments.assignAll(List.of(commands.get(k))).get(0);
        results[i] = assigned(run, (AssignCouponNode) run.nodes().get(run.nextNode()), outcome);
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    }
  }

  /**
   * For the runs at a split test whose contact already holds a code of one of its arms, that arm:
   * one lookup per set and arms in the batch.
   */
  private Map<Integer, Long> heldSplitArms(List<DueRun> batch, List<Integer> assigning) {
    Map<List<Object>, List<Integer>> byTest = new LinkedHashMap<>();
    for (int i : assigning) {
      Run run = batch.get(i).run();
      if (run.nodes().get(run.nextNode()) instanceof AssignCouponNode a && a.splits()) {
        byTest.computeIfAbsent(List.of(a.couponSetId(), a.split()), k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, Long> arms = new HashMap<>();
    byTest.forEach((test, runs) -> {
      AssignCouponNode a = (AssignCouponNode) batch.get(runs.get(0)).run().nodes().get(batch.get(runs.get(0)).run().nextNode());
      List<Long> children = a.split().stream().map(SplitShare::childSetId).toList();
      Set<String> contacts = new HashSet<>();
      runs.forEach(i -> contacts.add(batch.get(i).run().contactId()));
      Map<String, Long> held = assignments.heldChildSets(a.couponSetId(), children, contacts);
      runs.forEach(i -> {
        Long arm = held.get(batch.get(i).run().contactId());
        if (arm != null) {
          arms.put(i, arm);
        }
      });
    });
    return arms;
  }

  private StepResult assigned(Run run, AssignCouponNode a, AssignOutcome outcome) {
    int node = run.nextNode();
    if (outcome.succeeded()) {
      var assignment = outcome.result().assignment();
      return StepResult.next(step(node, a.type(), outcome.result().reused() ? "reused" : "assigned", assignment.code(), null))
          .remember(a.variable(), new CouponVariable(assignment.code(), assignment.id(), a.couponSetId()));
    }
    ApiException e = outcome.failure();
    if (!"coupon-set-exhausted".equals(e.slug())) {
      return StepResult.end(step(node, a.type(), "failed", null, e.getMessage()), RunStatus.FAILED);
    }
    Instant now = clock.instant();
    ActivityEntry exhausted = ActivityEntry.of(run.contactId(), ActivityType.COUPON_EXHAUSTED, now)
        .coupon(a.couponSetId(), null).workflow(run.workflowId(), run.id()).detail(a.onExhausted().wire());
    return switch (a.onExhausted()) {
      case STOP -> StepResult.end(step(node, a.type(), "exhausted-stopped", null, e.getMessage()), RunStatus.STOPPED)
          .withActivity(exhausted);
      case SKIP -> StepResult.next(step(node, a.type(), "exhausted-skipped", null, e.getMessage()))
          .remember(a.variable(), new CouponVariable(null, null, a.couponSetId())).withActivity(exhausted);
      case FALLBACK -> StepResult.next(step(node, a.type(), "fallback", a.fallbackCode(), e.getMessage()))
          .remember(a.variable(), new CouponVariable(a.fallbackCode(), null, a.couponSetId()))
          .withActivity(ActivityEntry.of(run.contactId(), ActivityType.COUPON_FALLBACK, now)
              .coupon(a.couponSetId(), a.fallbackCode()).workflow(run.workflowId(), run.id()));
    };
  }

  /** Send nodes: the batch's contacts read at once, popups queued in one insert, emails a few at a time (SMTP). */
  private void show(List<DueRun> batch, List<Integer> showing, StepResult[] results, RuntimeException[] failures) {
    if (showing.isEmpty()) {
      return;
    }
    Map<String, Contact> shownTo = contacts.findAll(showing.stream().map(i -> batch.get(i).run().contactId()).toList());
    List<WebContentInbox.QueuedPopup> popups = new ArrayList<>();
    List<Integer> queued = new ArrayList<>();
    Map<Integer, Future<StepResult>> emails = new LinkedHashMap<>();
    for (int i : showing) {
      Run run = batch.get(i).run();
      Contact contact = shownTo.get(run.contactId());
      try {
        if (run.nodes().get(run.nextNode()) instanceof SendEmailNode e) {
          emails.put(i, emailSenders.submit(() -> sendEmail(run, e, contact)));
        } else {
          results[i] = popup(run, (SendWebContentNode) run.nodes().get(run.nextNode()), contact, popups);
          if (results[i].step().outcome().equals("queued")) {
            queued.add(i);
          }
        }
      } catch (RuntimeException e) {
        failures[i] = e;
      }
    }
    try {
      webContent.queueAll(popups);
    } catch (RuntimeException e) {
      for (int i : queued) {
        results[i] = null;
        failures[i] = e;
      }
    }
    emails.forEach((i, sent) -> {
      try {
        results[i] = sent.get();
      } catch (ExecutionException e) {
        failures[i] = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures[i] = new IllegalStateException("interrupted while sending", e);
      }
    });
  }

  private StepResult sendEmail(Run run, SendEmailNode e, Contact contact) {
    int node = run.nextNode();
    Set<String> used = Template.variablesUsed(e.subject(), e.html());
    String missing = missing(run, used);
    if (missing != null) {
      return StepResult.next(step(node, e.type(), "skipped", null, "no coupon in " + missing));
    }
    Map<String, String> values = values(run);
    var result = email.send(new EmailDelivery.OutgoingEmail(run.id(), node, run.workflowId(), run.contactId(),
        contact == null ? null : contact.email(), Template.renderText(e.subject(), values, contact),
        Template.renderHtml(e.html(), values, contact), assignmentIds(run, used)));
    if (!result.delivered()) {
      return StepResult.end(step(node, e.type(), "failed", codes(run, used), result.error()), RunStatus.FAILED);
    }
    return StepResult.next(step(node, e.type(), result.status(), codes(run, used), null));
  }

  /** Adds the run's popup to those the batch queues at once. */
  private StepResult popup(Run run, SendWebContentNode w, Contact contact, List<WebContentInbox.QueuedPopup> popups) {
    int node = run.nextNode();
    Set<String> used = Template.variablesUsed(w.html());
    String missing = missing(run, used);
    if (missing != null) {
      return StepResult.next(step(node, w.type(), "skipped", null, "no coupon in " + missing));
    }
    List<String> shown = used.stream().map(v -> run.variables().get(v).code()).toList();
    popups.add(new WebContentInbox.QueuedPopup(run.id(), node, run.contactId(),
        Template.renderHtml(w.html(), values(run), contact), assignmentIds(run, used), shown));
    return StepResult.next(step(node, w.type(), "queued", codes(run, used), null));
  }

  /**
   * Moves every run on in one transaction (one batched update, one activity insert). Answers the
   * runs whose next node is due now, still leased to this worker, when {@code goOn}; otherwise those
   * are left due for any worker.
   */
  private List<DueRun> moveOn(List<Executed> executed, boolean goOn) {
    Instant now = clock.instant();
    Instant leaseEnd = now.plus(properties.lease());
    List<Advance> advances = new ArrayList<>(executed.size());
    List<List<ActivityEntry>> entries = new ArrayList<>(executed.size());
    List<DueRun> continuing = new ArrayList<>(executed.size());
    boolean dueNow = false;
    for (Executed x : executed) {
      Run run = x.due().run();
      int node = run.nextNode();
      StepResult result = x.result();
      if (x.failure() != null) {
        int attempts = x.due().attempts() + 1;
        if (attempts < ATTEMPTS) {
          log.warn("Run {} failed at node {} (attempt {}), retrying", run.id(), node, attempts, x.failure());
          advances.add(new Advance(run, node, now.plus(properties.retryDelay()), attempts));
          entries.add(List.of());
          continuing.add(null);
          continue;
        }
        log.error("Run {} failed at node {} after {} attempts", run.id(), node, attempts, x.failure());
        result = StepResult.end(step(node, run.nodes().get(node).type(), "failed", null,
            String.valueOf(x.failure().getMessage())), RunStatus.FAILED);
      }
      Map<String, CouponVariable> variables = new LinkedHashMap<>(run.variables());
      if (result.variable() != null) {
        variables.put(result.variable(), result.value());
      }
      List<RunStep> steps = new ArrayList<>(run.steps());
      steps.add(result.step());
      List<ActivityEntry> written = new ArrayList<>(2);
      if (result.activity() != null) {
        written.add(result.activity());
      }
      int next = node + 1;
      DueRun goesOn = null;
      if (result.endWith() != null || next >= run.nodes().size()) {
        RunStatus end = result.endWith() != null ? result.endWith()
            : variables.values().stream().anyMatch(CouponVariable::missing) ? RunStatus.SKIPPED : RunStatus.FINISHED;
        advances.add(new Advance(new Run(run.id(), run.workflowId(), run.contactId(), run.eventId(), end, next,
            run.nodes(), variables, steps, run.startedAt(), now, null, now), node, null, 0));
        written.add(ActivityEntry.of(run.contactId(), ActivityType.WORKFLOW_FINISHED, now)
            .workflow(run.workflowId(), run.id()).detail(end.wire()));
      } else if (result.waitUntil() != null) {
        advances.add(new Advance(new Run(run.id(), run.workflowId(), run.contactId(), run.eventId(), RunStatus.WAITING,
            next, run.nodes(), variables, steps, run.startedAt(), now, result.waitUntil(), null), node,
            result.waitUntil(), 0));
      } else {
        Run moved = new Run(run.id(), run.workflowId(), run.contactId(), run.eventId(), RunStatus.RUNNING, next,
            run.nodes(), variables, steps, run.startedAt(), now, null, null);
        advances.add(new Advance(moved, node, goOn ? leaseEnd : now, 0));
        goesOn = goOn ? new DueRun(moved, 0) : null;
        dueNow |= !goOn;
      }
      entries.add(written);
      continuing.add(goesOn);
    }
    long moving = System.nanoTime();
    boolean[] applied = tx.execute(status -> {
      boolean[] moved = runs.advanceAll(advances);
      List<ActivityEntry> all = new ArrayList<>();
      for (int i = 0; i < moved.length; i++) {
        if (moved[i]) {
          all.addAll(entries.get(i));
        }
      }
      activity.recordAll(all);
      return moved;
    });
    log.debug("{} runs moved on in {} ms", advances.size(), (System.nanoTime() - moving) / 1_000_000);
    if (dueNow) {
      signal.wake();
    }
    List<DueRun> next = new ArrayList<>();
    for (int i = 0; i < applied.length; i++) {
      if (applied[i] && continuing.get(i) != null) {
        next.add(continuing.get(i));
      }
    }
    return next;
  }

  private RunStep step(int node, String type, String outcome, String code, String detail) {
    return new RunStep(node, type, outcome, code, detail, clock.instant());
  }

  private static String missing(Run run, Set<String> used) {
    return used.stream().filter(v -> run.variables().get(v) == null || run.variables().get(v).missing())
        .findFirst().orElse(null);
  }

  private static Map<String, String> values(Run run) {
    Map<String, String> values = new HashMap<>();
    run.variables().forEach((name, coupon) -> values.put(name, coupon.code()));
    return values;
  }

  private static List<Long> assignmentIds(Run run, Set<String> used) {
    return used.stream().map(v -> run.variables().get(v).assignmentId()).filter(id -> id != null).distinct().toList();
  }

  private static String codes(Run run, Set<String> used) {
    List<String> codes = used.stream().map(v -> run.variables().get(v).code()).toList();
    return codes.isEmpty() ? null : String.join(",", codes);
  }
}
