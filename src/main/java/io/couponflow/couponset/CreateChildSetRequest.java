package io.couponflow.couponset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateChildSetRequest(@NotBlank @Size(max = 200) String name) {}
