package io.couponflow.workflow;

import io.couponflow.audit.AuditLog;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.contact.Contact;
import io.couponflow.contact.ContactService;
import io.couponflow.delivery.PlainTextAlternative;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workflow definitions: saving (validated), activating and pausing, their runs, and test sends. */
@Service
public class WorkflowService {
  /** What a test send shows in place of a real code: nothing is taken from any set. */
  public static final String PLACEHOLDER_CODE = "PREVIEW-CODE";

  private final WorkflowRepository workflows;
  private final RunRepository runs;
  private final WorkflowValidator validator;
  private final ContactService contacts;
  private final AuditLog audit;
  private final Clock clock;

  WorkflowService(WorkflowRepository workflows, RunRepository runs, WorkflowValidator validator,
      ContactService contacts, AuditLog audit, Clock clock) {
    this.workflows = workflows;
    this.runs = runs;
    this.validator = validator;
    this.contacts = contacts;
    this.audit = audit;
    this.clock = clock;
  }

  /** One rendered send node of a test send; text is an email's plain-text alternative, as delivery makes it. */
  public record Rendered(int node, String type, String subject, String html, String text) {}

  @Transactional
  public Workflow create(WorkflowRequest request) {
    WorkflowRequest valid = validator.validate(request);
    long id = workflows.insert(valid.name(), valid.trigger().event(), valid.nodes(), clock.instant());
    workflows.replaceSetUses(id, WorkflowValidator.setsUsed(valid.nodes()));
    audit.record("workflow.created", "workflow", id, describe(valid));
    return require(id);
  }

  @Transactional
  public Workflow update(long id, WorkflowRequest request) {
    require(id);
    WorkflowRequest valid = validator.validate(request);
    workflows.update(id, valid.name(), valid.trigger().event(), valid.nodes(), clock.instant());
    workflows.replaceSetUses(id, WorkflowValidator.setsUsed(valid.nodes()));
    audit.record("workflow.updated", "workflow", id, describe(valid));
    return require(id);
  }

  /** Checks the definition again (a set may have been deleted since it was saved) and starts taking events. */
  @Transactional
  public Workflow activate(long id) {
    Workflow w = require(id);
    validator.requireSetsStillExist(w.nodes());
    validator.validate(new WorkflowRequest(w.name(), w.trigger(), w.nodes()));
    workflows.setStatus(id, WorkflowStatus.ACTIVE, clock.instant());
    audit.record("workflow.activated", "workflow", id, "“" + w.name() + "”");
    return require(id);
  }

  /** No new runs start; runs already going finish. */
  @Transactional
  public Workflow pause(long id) {
    Workflow w = require(id);
    if (w.status() == WorkflowStatus.DRAFT) {
      throw ApiException.conflict("workflow-not-active", "Workflow not active", "A draft workflow cannot be paused; activate it first");
    }
    workflows.setStatus(id, WorkflowStatus.PAUSED, clock.instant());
    audit.record("workflow.paused", "workflow", id, "“" + w.name() + "”");
    return require(id);
  }

  @Transactional
  public void delete(long id) {
    Workflow w = require(id);
    if (w.status() == WorkflowStatus.ACTIVE) {
      throw ApiException.conflict("workflow-active", "Workflow active", "Pause the workflow before deleting it");
    }
    workflows.delete(id);
    audit.record("workflow.deleted", "workflow", id, "“" + w.name() + "”");
  }

  /** "'Welcome' on signup: assign-coupon, send-email", enough to tell versions apart in the log. */
  private static String describe(WorkflowRequest request) {
    return "“" + request.name() + "”, started by the event " + request.trigger().event() + ": "
        + WorkflowWords.flow(request.nodes());
  }

  public Workflow require(long id) {
    return workflows.find(id).orElseThrow(() -> ApiException.notFound("Workflow", id));
  }

  public PageResponse<Workflow> list(PageRequest page) {
    return page.toResponse(workflows.page(page.beforeId(), page.fetchSize()), Workflow::id);
  }

  public PageResponse<Run> runs(long workflowId, String status, PageRequest page) {
    require(workflowId);
    if (status != null && !status.isBlank()) {
      try {
        RunStatus.fromWire(status);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("status", "status must be running, waiting, finished, skipped, stopped or failed");
      }
    }
    return page.toResponse(runs.page(workflowId, status == null || status.isBlank() ? null : status,
        page.beforeId(), page.fetchSize()), Run::id);
  }

  public Map<String, Long> runCounts(long workflowId) {
    return runs.countByStatus(workflowId);
  }

  public List<Rendered> testSend(long id, String contactId) {
    return render(require(id).nodes(), contacts.require(contactId));
  }

  /** Renders send nodes as a contact would see them, with the placeholder code for every coupon. */
  public List<Rendered> preview(WorkflowRequest request, Contact contact) {
    return render(validator.validate(request).nodes(), contact);
  }

  private static List<Rendered> render(List<Node> nodes, Contact contact) {
    Map<String, String> values = new HashMap<>();
    List<Rendered> rendered = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof AssignCouponNode a) {
        values.put(a.variable(), PLACEHOLDER_CODE);
      } else if (n instanceof SendEmailNode e) {
        String html = Template.renderHtml(e.html(), values, contact);
        rendered.add(new Rendered(i, e.type(), Template.renderText(e.subject(), values, contact), html,
            PlainTextAlternative.from(html)));
      } else if (n instanceof SendWebContentNode w) {
        rendered.add(new Rendered(i, w.type(), null, Template.renderHtml(w.html(), values, contact), null));
      }
    }
    return rendered;
  }
}
