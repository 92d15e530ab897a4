package io.couponflow.common;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules that make the OpenAPI description a contract instead of a sketch, applied to every operation
 * so controllers only declare what is particular to them ({@link ProblemResponse}, a 201):
 * <ul>
 *   <li>the problems every call of its kind can get: 400 with parameters or a body, 401/403/429 on /api,
 *       403 only where a scope can forbid it, 404 with an id in the path, 413 with a body, 429 on /web;</li>
 *   <li>the {@code apiKey} security requirement on every /api operation, none elsewhere;</li>
 *   <li>204 instead of 200 for operations that answer no body;</li>
 *   <li>the Problem schema, whose type lists every problem type the description mentions;</li>
 *   <li>examples of the main calls from {@code openapi/examples.json}, keyed by operationId.</li>
 * </ul>
 */
@SuppressWarnings("rawtypes") // swagger-models hands out its schema map raw
class ApiContractRules {
  static final String SECURITY_SCHEME = "apiKey";
  static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
  private static final List<String> ADMIN_PATHS = List.of("/api/v1/api-keys", "/api/v1/audit-log");

  private final Map<String, JsonNode> examples = loadExamples();

  /** Called by springdoc for each handler method after its own annotations were read. */
  Operation customize(Operation operation, HandlerMethod handler) {
    String path = pathOf(handler);
    RequestMethod httpMethod = httpMethodOf(handler);
    boolean api = path.startsWith("/api/");
    boolean readOnly = httpMethod == RequestMethod.GET || httpMethod == RequestMethod.HEAD;
    boolean jsonBody = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
        && operation.getRequestBody().getContent().keySet().stream().anyMatch(type -> type.contains("json"));
    boolean anyParameter = operation.getParameters() != null && !operation.getParameters().isEmpty();

    ApiResponses responses = operation.getResponses();
    if (answersNoBody(handler) && responses.containsKey("200")) {
      responses.remove("200");
      responses.addApiResponse("204", new ApiResponse().description("Done; no body"));
    }

    Map<Integer, Map<String, String>> problems = new TreeMap<>();
    if (anyParameter || operation.getRequestBody() != null) {
      problem(problems, 400, "validation-failed", "a parameter or field is missing or invalid; `errors` names it");
    }
    if (jsonBody) {
      problem(problems, 400, "malformed-request", "the body is not JSON, has an unknown field or a value of the wrong type");
    }
    if (api) {
      problem(problems, 401, "unauthorized", "no API key, or one that is unknown or revoked");
      if (!readOnly || ADMIN_PATHS.stream().anyMatch(path::startsWith)) {
        problem(problems, 403, "forbidden", readOnly ? "the key's scope is not admin" : "the key's scope is read only"
            + (ADMIN_PATHS.stream().anyMatch(path::startsWith) ? " or not admin" : ""));
      }
      problem(problems, 429, "rate-limited", "the key made more requests per second than its limit; see Retry-After");
    }
    if (path.startsWith("/web/")) {
      problem(problems, 429, "rate-limited", "this address made more requests per minute than the limit; see Retry-After");
    }
    boolean createsById = httpMethod == RequestMethod.PUT && responses.containsKey("201");
    if (PATH_VARIABLE.matcher(path).find() && !createsById) {
      problem(problems, 404, "not-found", "nothing has the id in the path");
    }
    if (operation.getRequestBody() != null) {
      problem(problems, 413, "payload-too-large", jsonBody ? "the JSON body is larger than 1 MB"
          : "the upload is larger than COUPONFLOW_MAX_UPLOAD_SIZE");
    }
    for (ProblemResponse declared : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
        ProblemResponse.class, ProblemResponse.List.class)) {
      problem(problems, declared.status(), declared.type(), declared.when());
    }
    problems.forEach((status, types) -> responses.addApiResponse(String.valueOf(status), problemResponse(status, types)));

    if (api) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)));
    }
    addExamples(operation);
    sortResponses(operation);
    return operation;
  }

  /** Called by springdoc once the operations are built. */
  void customise(OpenAPI openApi) {
    Set<String> types = new TreeSet<>();
    openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> op.getResponses().values()
        .forEach(response -> {
          if (response.getContent() != null && response.getContent().get(PROBLEM_JSON) != null
              && response.getContent().get(PROBLEM_JSON).getExamples() != null) {
            types.addAll(response.getContent().get(PROBLEM_JSON).getExamples().keySet());
          }
        })));
    types.add("internal-error");
    openApi.getComponents().addSchemas("Problem", problemSchema(types));
    openApi.getComponents().addSchemas("ProblemFieldError", new ObjectSchema()
        .description("The field a validation-failed problem is about")
        .addProperty("field", new StringSchema().example("contactId"))
        .addProperty("message", new StringSchema().example("contactId must not be blank")));
    dropUnreferencedSchemas(openApi);
  }

  private static Schema<?> problemSchema(Set<String> types) {
    StringBuilder list = new StringBuilder();
    types.forEach(type -> list.append(list.isEmpty() ? "" : ", ").append('`').append(type).append('`'));
    return new ObjectSchema()
        .description("An RFC 9457 problem: what went wrong, for a program (type) and a person (title, detail)")
        .addProperty("type", new StringSchema().format("uri")
            .description("`" + Problems.TYPE_BASE + "<slug>`, one of the slugs " + list
                + ", and `http-<status>` for what the web layer refuses before the API sees it (405, 406, 415)"
                + "; compare it, not title or detail, in code. Each operation lists the ones it can answer.")
            .example(Problems.TYPE_BASE + "coupon-set-exhausted"))
        .addProperty("title", new StringSchema().example("Coupon set exhausted"))
        .addProperty("status", new IntegerSchema().example(409))
        .addProperty("detail", new StringSchema().example("No code of set 42 is left"))
        .addProperty("instance", new StringSchema().format("uri").description("The request path")
            .example("/api/v1/coupon-sets/42/assignments"))
        .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemFieldError"))
            .description("validation-failed only: the fields at fault"))
        .required(List.of("type", "title", "status"));
  }

  private static void problem(Map<Integer, Map<String, String>> problems, int status, String type, String when) {
    problems.computeIfAbsent(status, s -> new LinkedHashMap<>()).merge(type, when, (a, b) -> a + "; " + b);
  }

  private static ApiResponse problemResponse(int status, Map<String, String> types) {
    StringBuilder description = new StringBuilder(HttpStatus.valueOf(status).getReasonPhrase()).append(':');
    MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
    types.forEach((type, when) -> {
      description.append(types.size() > 1 ? "\n- " : " ").append('`').append(type).append("`: ").append(when);
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("type", Problems.TYPE_BASE + type);
      value.put("title", titleOf(type));
      value.put("status", status);
      value.put("detail", Character.toUpperCase(when.charAt(0)) + when.substring(1));
      media.addExamples(type, new Example().summary(when).value(value));
    });
    return new ApiResponse().description(description.toString()).content(new Content().addMediaType(PROBLEM_JSON, media));
  }

  private static String titleOf(String slug) {
    String words = slug.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private void addExamples(Operation operation) {
    JsonNode example = examples.get(operation.getOperationId());
    if (example == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : example.properties()) {
      Object value = JsonMapper.shared().convertValue(entry.getValue(), Object.class);
      if (entry.getKey().equals("request")) {
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        if (json == null) {
          throw new IllegalStateException(operation.getOperationId() + " has a request example but no JSON body");
        }
        json.setExample(value);
      } else {
        ApiResponse response = operation.getResponses().get(entry.getKey());
        if (response == null || response.getContent() == null || response.getContent().get("application/json") == null) {
          throw new IllegalStateException(operation.getOperationId() + " has an example for " + entry.getKey()
              + " but answers no JSON with that status");
        }
        response.getContent().get("application/json").setExample(value);
      }
    }
  }

  private static void sortResponses(Operation operation) {
    ApiResponses sorted = new ApiResponses();
    operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
    operation.setResponses(sorted);
  }

  /** A body type named by a parameter but replaced by its documented schema (the PATCH's JsonNode) would linger. */
  private static void dropUnreferencedSchemas(OpenAPI openApi) {
    Map<String, Schema> schemas = openApi.getComponents().getSchemas();
    Set<String> reachable = new HashSet<>();
    List<Object> pending = new ArrayList<>();
    pending.add(openApi.getPaths());
    Pattern ref = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)");
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Matcher matcher = ref.matcher(swaggerJson(pending.remove(pending.size() - 1)));
      while (matcher.find()) {
        String name = matcher.group(1);
        if (reachable.add(name) && schemas.containsKey(name) && seen.add(name)) {
          pending.add(schemas.get(name));
        }
      }
    }
    schemas.keySet().removeIf(name -> !reachable.contains(name));
  }

  private static String swaggerJson(Object model) {
    try {
      return io.swagger.v3.core.util.Json.mapper().writeValueAsString(model);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean answersNoBody(HandlerMethod handler) {
    Method method = handler.getMethod();
    if (method.getReturnType() == void.class) {
      return true;
    }
    ResolvableType type = ResolvableType.forMethodReturnType(method);
    return ResponseEntity.class.isAssignableFrom(type.toClass()) && type.getGeneric(0).toClass() == Void.class;
  }

  private static String pathOf(HandlerMethod handler) {
    RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
    RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
    return first(onType) + first(onMethod);
  }

  private static String first(RequestMapping mapping) {
    return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
  }

  private static RequestMethod httpMethodOf(HandlerMethod handler) {
    RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
    return onMethod == null || onMethod.method().length == 0 ? RequestMethod.GET : onMethod.method()[0];
  }

  private static Map<String, JsonNode> loadExamples() {
    try (InputStream in = ApiContractRules.class.getResourceAsStream("/openapi/examples.json")) {
      Map<String, JsonNode> byOperation = new LinkedHashMap<>();
      if (in != null) {
        JsonMapper.shared().readTree(in).properties().forEach(e -> byOperation.put(e.getKey(), e.getValue()));
      }
      return byOperation;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
