package io.couponflow.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AppUserDetailsService implements UserDetailsService {
  private final JdbcClient jdbc;

  AppUserDetailsService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
        .query(String.class).optional()
        .orElseThrow(() -> new UsernameNotFoundException(username));
    return User.withUsername(username).password(hash).roles("ADMIN").build();
  }
}
