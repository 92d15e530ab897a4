package io.couponflow.workflow;

import io.couponflow.assignment.AssignRequest;
import io.couponflow.assignment.AssignmentService;
import io.couponflow.common.ApiException;
import io.couponflow.contact.ActivityEntry;
import io.couponflow.contact.ActivityLog;
import io.couponflow.contact.ActivityType;
import io.couponflow.contact.Contact;
import io.couponflow.contact.ContactEvent;
import io.couponflow.contact.ContactService;
import io.couponflow.delivery.EmailDelivery;
import io.couponflow.delivery.WebContentInbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs workflows one node per job. A step first does its work (each piece idempotent per run and
 * node: the assignment by idempotency key, the email and popup by a unique run step), then moves
 * the run on and schedules the next job in one transaction. A job for a position the run has left
 * is a duplicate and does nothing.
 */
@Service
class WorkflowEngine {
  private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);

  private final RunRepository runs;
  private final WorkflowRepository workflows;
  private final StepQueue queue;
  private final AssignmentService assignments;
  private final ContactService contacts;
  private final EmailDelivery email;
  private final WebContentInbox webContent;
  private final ActivityLog activity;
  private final TransactionTemplate tx;
  private final Clock clock;

  WorkflowEngine(RunRepository runs, WorkflowRepository workflows, StepQueue queue, AssignmentService assignments,
      ContactService contacts, EmailDelivery email, WebContentInbox webContent, ActivityLog activity,
      TransactionTemplate tx, Clock clock) {
    this.runs = runs;
    this.workflows = workflows;
    this.queue = queue;
    this.assignments = assignments;
    this.contacts = contacts;
    this.email = email;
    this.webContent = webContent;
    this.activity = activity;
    this.tx = tx;
    this.clock = clock;
  }

  /** Every active workflow this event's type triggers starts a run, in the event's own transaction. */
  @EventListener
  void on(ContactEvent event) {
    for (Workflow workflow : workflows.activeTriggeredBy(event.type())) {
      Instant now = clock.instant();
      long runId = runs.insert(workflow, event.contactId(), event.id(), now);
      activity.record(ActivityEntry.of(event.contactId(), ActivityType.WORKFLOW_STARTED, now)
          .workflow(workflow.id(), runId).detail(workflow.name()));
      queue.schedule(runId, 0, now);
    }
  }

  void runStep(long runId, int node, int attempt) {
    Run run = runs.find(runId).orElse(null);
    if (run == null || run.status().terminal() || run.nextNode() != node) {
      return;
    }
    StepResult result;
    try {
      result = execute(run, node);
    } catch (RuntimeException e) {
      if (attempt < StepQueue.ATTEMPTS) {
        throw e;
      }
      log.error("Run {} failed at node {} after {} attempts", runId, node, attempt, e);
      result = StepResult.end(step(node, run.nodes().get(node).type(), "failed", null, String.valueOf(e.getMessage())),
          RunStatus.FAILED);
    }
    commit(runId, node, result);
  }

  private StepResult execute(Run run, int node) {
    Node n = run.nodes().get(node);
    if (n instanceof AssignCouponNode a) {
      return assign(run, node, a);
    }
    if (n instanceof SendEmailNode e) {
      return sendEmail(run, node, e);
    }
    if (n instanceof SendWebContentNode w) {
      return sendWebContent(run, node, w);
    }
    WaitNode w = (WaitNode) n;
    Instant until = clock.instant().plus(w.parsed());
    return StepResult.next(step(node, w.type(), "waiting", null, "until " + until)).waitUntil(until);
  }

  private StepResult assign(Run run, int node, AssignCouponNode a) {
    try {
      // one key per run step: a retried step gets the code it already took, never a second one
      var result = assignments.assign(a.couponSetId(),
          new AssignRequest(run.contactId(), a.childSetId(), run.workflowId()), "workflow-run-" + run.id() + "-node-" + node);
      var assignment = result.assignment();
      return StepResult.next(step(node, a.type(), result.reused() ? "reused" : "assigned", assignment.code(), null))
          .remember(a.variable(), new CouponVariable(assignment.code(), assignment.id(), a.couponSetId()));
    } catch (ApiException e) {
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
  }

  private StepResult sendEmail(Run run, int node, SendEmailNode e) {
    Set<String> used = Template.variablesUsed(e.subject(), e.html());
    String missing = missing(run, used);
    if (missing != null) {
      return StepResult.next(step(node, e.type(), "skipped", null, "no coupon in " + missing));
    }
    Contact contact = contacts.find(run.contactId()).orElse(null);
    Map<String, String> values = values(run);
    var result = email.send(new EmailDelivery.OutgoingEmail(run.id(), node, run.workflowId(), run.contactId(),
        contact == null ? null : contact.email(), Template.renderText(e.subject(), values, contact),
        Template.renderHtml(e.html(), values, contact), assignmentIds(run, used)));
    if (!result.delivered()) {
      return StepResult.end(step(node, e.type(), "failed", codes(run, used), result.error()), RunStatus.FAILED);
    }
    return StepResult.next(step(node, e.type(), result.status(), codes(run, used), null));
  }

  private StepResult sendWebContent(Run run, int node, SendWebContentNode w) {
    Set<String> used = Template.variablesUsed(w.html());
    String missing = missing(run, used);
    if (missing != null) {
      return StepResult.next(step(node, w.type(), "skipped", null, "no coupon in " + missing));
    }
    Contact contact = contacts.find(run.contactId()).orElse(null);
    List<String> shown = used.stream().map(v -> run.variables().get(v).code()).toList();
    webContent.queue(run.id(), node, run.contactId(), Template.renderHtml(w.html(), values(run), contact),
        assignmentIds(run, used), shown);
    return StepResult.next(step(node, w.type(), "queued", codes(run, used), null));
  }

  private void commit(long runId, int node, StepResult result) {
    tx.executeWithoutResult(status -> {
      Run run = runs.lock(runId).orElseThrow();
      if (run.status().terminal() || run.nextNode() != node) {
        return;
      }
      Instant now = clock.instant();
      Map<String, CouponVariable> variables = new LinkedHashMap<>(run.variables());
      if (result.variable() != null) {
        variables.put(result.variable(), result.value());
      }
      List<RunStep> steps = new ArrayList<>(run.steps());
      steps.add(result.step());
      if (result.activity() != null) {
        activity.record(result.activity());
      }
      int next = node + 1;
      if (result.endWith() != null || next >= run.nodes().size()) {
        RunStatus end = result.endWith() != null ? result.endWith()
            : variables.values().stream().anyMatch(CouponVariable::missing) ? RunStatus.SKIPPED : RunStatus.FINISHED;
        runs.save(new Run(run.id(), run.workflowId(), run.contactId(), run.eventId(), end, next, run.nodes(),
            variables, steps, run.startedAt(), now, null, now));
        activity.record(ActivityEntry.of(run.contactId(), ActivityType.WORKFLOW_FINISHED, now)
            .workflow(run.workflowId(), run.id()).detail(end.wire()));
        return;
      }
      Instant at = result.waitUntil() == null ? now : result.waitUntil();
      runs.save(new Run(run.id(), run.workflowId(), run.contactId(), run.eventId(),
          result.waitUntil() == null ? RunStatus.RUNNING : RunStatus.WAITING, next, run.nodes(), variables, steps,
          run.startedAt(), now, result.waitUntil(), null));
      queue.schedule(run.id(), next, at);
    });
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
