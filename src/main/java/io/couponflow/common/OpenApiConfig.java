package io.couponflow.common;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs, a contract clients are generated from: its info, the API key
 * scheme, and the rules (ApiContractRules) that give every operation its problems, security and examples.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiContractRules.SECURITY_SCHEME, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
    paramName = "Authorization",
    description = "Send `Authorization: apiKey <key>` on every /api call. A key's scope: `read` (GET), `write` "
        + "(everything else), `admin` (also API keys and the audit log). Create keys on Settings → API keys, or set "
        + "COUPONFLOW_API_KEY at start-up.")
class OpenApiConfig {
  @Bean
  OpenAPI couponflowOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Couponflow API").version("v1")
            .description("Coupon sets, imports, assignment and redemption of discount codes. Errors are RFC 9457 "
                + "`application/problem+json` (schema Problem); lists take `limit` (1 to 1000, default 50) and "
                + "`cursor`, and answer `{\"items\": [...], \"links\": {\"next\": url or null}}`."))
        // relative: Swagger UI calls the server it was loaded from, and the description is the same on every host
        .servers(List.of(new Server().url("/").description("The server this description was fetched from")))
        .tags(List.of(
            tag("Coupon sets", "Individual (one multi-use code) and multiple (many single-use codes) sets, child sets"),
            tag("Codes", "A set's codes: add synchronously, list, export"),
            tag("Imports", "CSV files and pasted lists imported in the background"),
            tag("Assignments", "Give a contact a code; mark it sent; release it"),
            tag("Redemptions", "Codes used in orders, reported by the shop"),
            tag("Statistics", "Assigned, sent and redeemed over time; forecast"),
            tag("Contacts and events", "Contacts, their timeline and the events that start workflows"),
            tag("Workflows", "Event-triggered flows that assign codes and send them"),
            tag("Alerts", "Warnings when a set runs low or expires"),
            tag("Email", "Emails sent by workflows"),
            tag("Web content", "Popups read by the shop's pages (signed contact id, no API key)"),
            tag("API keys", "Keys and their scopes (admin)"),
            tag("Audit log", "Who changed what (admin)")));
  }

  private static Tag tag(String name, String description) {
    return new Tag().name(name).description(description);
  }

  @Bean
  ApiContractRules apiContractRules() {
    return new ApiContractRules();
  }

  @Bean
  OperationCustomizer apiOperationRules(ApiContractRules rules) {
    return rules::customize;
  }

  @Bean
  OpenApiCustomizer apiDescriptionRules(ApiContractRules rules) {
    return rules::customise;
  }
}
