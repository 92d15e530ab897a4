package io.couponflow.webhook;

import io.couponflow.common.ApiException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may point at: http or https with a host, and, unless
 * {@code couponflow.webhooks.allow-private}, none that resolves to a loopback, private, link-local
 * or otherwise internal address (the app must not be a way into its own network). Checked when a
 * subscription is saved and again before each delivery, so a DNS change cannot sneak one in later.
 */
@Component
class WebhookUrls {
  private final boolean allowPrivate;

  WebhookUrls(WebhookProperties properties) {
    this.allowPrivate = properties.allowPrivate();
  }

  /** The URL as it will be called; a 422 problem on field {@code url} when it may not be. */
  URI check(String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.invalid("url", "url is required");
    }
    if (url.length() > 2000) {
      throw ApiException.invalid("url", "url must be at most 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw ApiException.invalid("url", "url is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw ApiException.invalid("url", "url must start with https:// or http://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw ApiException.invalid("url", "url must name a host");
    }
    if (uri.getUserInfo() != null) {
      throw ApiException.invalid("url", "url must not carry a user name or password");
    }
    String refused = refusedAddress(uri.getHost());
    if (refused != null) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "webhook-url-not-allowed", "Webhook URL not allowed",
          refused, "url");
    }
    return uri;
  }

  /** Why a delivery to this host is refused now, or null when it may go out. */
  String refusedAddress(String host) {
    if (allowPrivate) {
      return null;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return "the host " + host + " cannot be resolved";
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        return "the host " + host + " is a loopback or private address (" + address.getHostAddress()
            + "); set COUPONFLOW_WEBHOOKS_ALLOW_PRIVATE=true to allow receivers on your own network";
      }
    }
    return null;
  }

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      // unique local fc00::/7
      return (b[0] & 0xfe) == 0xfc;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    // 100.64/10 carrier-grade NAT, 0/8 "this network", 192.0.0/24, 198.18/15 benchmarking, 240/4 reserved
    return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
        || (first == 198 && (second == 18 || second == 19)) || first >= 240;
  }
}
