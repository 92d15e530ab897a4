package io.couponflow.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

public record ContactEventRequest(@NotBlank @Size(max = 200) String contactId,
    @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be letters, digits, _ . : or -") String type,
    Map<String, Object> properties) {}
