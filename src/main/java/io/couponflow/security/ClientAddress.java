package io.couponflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address a per-address limit counts against: the request's remote address, which is the
 * socket's peer unless {@code server.forward-headers-strategy} tells Tomcat or Spring to take it
 * from X-Forwarded-For / Forwarded (only behind a proxy that sets them). An IPv6 client is counted
 * by its /64 network, since one host usually holds the whole /64 and could rotate through it.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(HttpServletRequest request) {
    return of(request.getRemoteAddr());
  }

  /** {@code remote} as counted: itself for IPv4, its /64 network for IPv6. */
  static String of(String remote) {
    if (remote == null || remote.indexOf(':') < 0) {
      return remote;
    }
    try {
      byte[] bytes = InetAddress.getByName(remote).getAddress();
      if (bytes.length != 16) {
        return remote;
      }
      StringBuilder network = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException notAnAddress) {
      return remote;
    }
  }
}
