package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
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
  ResponseEntity<Workflow> create(@RequestBody WorkflowRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(workflows.create(request));
  }

  @GetMapping
  PageResponse<Workflow> list(@RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return workflows.list(PageRequest.of(limit, cursor));
  }

  @GetMapping("/{id}")
  Workflow get(@PathVariable long id) {
    return workflows.require(id);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace the name, trigger and nodes; runs already started keep the nodes they started with")
  Workflow update(@PathVariable long id, @RequestBody WorkflowRequest request) {
    return workflows.update(id, request);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a draft or paused workflow; 409 while active")
  ResponseEntity<Void> delete(@PathVariable long id) {
    workflows.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/activate")
  Workflow activate(@PathVariable long id) {
    return workflows.activate(id);
  }

  @PostMapping("/{id}/pause")
  Workflow pause(@PathVariable long id) {
    return workflows.pause(id);
  }

  @GetMapping("/{id}/runs")
  @Operation(summary = "Every run started by an event, newest first, whatever its outcome; status filters")
  PageResponse<Run> runs(@PathVariable long id, @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    return workflows.runs(id, status, PageRequest.of(limit, cursor));
  }

  @PostMapping("/{id}/test-send")
  @Operation(summary = "What each send node would show the contact, with a placeholder code; consumes nothing")
  TestSendResponse testSend(@PathVariable long id, @Valid @RequestBody TestSendRequest request) {
    return new TestSendResponse(workflows.testSend(id, request.contactId()));
  }
}
