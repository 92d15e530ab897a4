package io.couponflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CouponflowApplication {
  public static void main(String[] args) {
    SpringApplication.run(CouponflowApplication.class, args);
  }
}
