package io.couponflow.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.Map;

public record PutContactRequest(@Email @Size(max = 320) String email, @Size(max = 200) String firstName,
    @Size(max = 200) String lastName, Map<String, String> fields) {}
