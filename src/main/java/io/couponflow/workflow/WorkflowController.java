package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workflows")
@Tag(name = "Workflows")
class WorkflowController {
  record TestSendRequest(@NotBlank String contactId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TestSendResponse(List<WorkflowService.Rendered> items) {}

  private final WorkflowService workflows;

  WorkflowController(WorkflowService workflows) {
    this.workflows = workflows;
  }

  @PostMapping
  @Operation(summary = "Create a workflow (draft); 400 naming the node when a template uses an unknown variable")
  @ApiResponse(responseCode = "201", description = "Created")
  ResponseEntity<Workflow> createWorkflow(@RequestBody WorkflowRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(workflows.create(request));
  }

  @GetMapping
  @Operation(summary = "Workflows, newest first")
  PageResponse<Workflow> listWorkflows(@RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return workflows.list(PageRequest.of(limit, cursor));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A workflow with its trigger, nodes and status")
  Workflow getWorkflow(@PathVariable long id) {
    return workflows.require(id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace the name, trigger and nodes; runs already started keep the nodes they started with")
  Workflow updateWorkflow(@PathVariable long id, @RequestBody WorkflowRequest request) {
    return workflows.update(id, request);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a draft or paused workflow; 409 while active")
  @ProblemResponse(status = 409, type = "workflow-active", when = "the workflow is active; pause it first")
  ResponseEntity<Void> deleteWorkflow(@PathVariable long id) {
    workflows.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/activate")
  @Operation(summary = "Start running the workflow for the events that trigger it")
  Workflow activateWorkflow(@PathVariable long id) {
    return workflows.activate(id);
  }

  @PostMapping("/{id}/pause")
  @Operation(summary = "Stop starting runs; runs already started go on")
  @ProblemResponse(status = 409, type = "workflow-not-active", when = "the workflow is a draft")
  Workflow pauseWorkflow(@PathVariable long id) {
    return workflows.pause(id);
  }

  @GetMapping("/{id}/runs")
  @Operation(summary = "Every run started by an event, newest first, whatever its outcome; status filters")
  PageResponse<Run> listWorkflowRuns(@PathVariable long id, @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    return workflows.runs(id, status, PageRequest.of(limit, cursor));
  }

  @PostMapping("/{id}/test-send")
  @Operation(summary = "What each send node would show the contact, with a placeholder code; consumes nothing")
  @ProblemResponse(status = 404, type = "not-found", when = "the workflow or the contact does not exist")
  TestSendResponse testSendWorkflow(@PathVariable long id, @Valid @RequestBody TestSendRequest request) {
    return new TestSendResponse(workflows.testSend(id, request.contactId()));
  }
}
