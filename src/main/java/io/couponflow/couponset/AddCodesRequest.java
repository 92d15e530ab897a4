package io.couponflow.couponset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record AddCodesRequest(@NotNull @Size(max = 10_000) List<String> codes, Long childSetId) {}
