package io.couponflow.security;

import io.couponflow.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;

@PageController
class LoginPages {
  @GetMapping("/login")
  String login() {
    return "security/login";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/coupons";
  }
}
