package org.callobjectives.server.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;

/**
 * Whether a request was sent by a page of this server: its Origin, else Referer, names our host.
 */
public final class SameOrigin {
  private SameOrigin() {}

  /**
   * False when the request says it comes from another site: an Origin of another host (or {@code
   * null}, a sandboxed or privacy-stripped page), or without Origin a Referer of another host. A
   * request with neither passes: scripts and API clients send none, and every browser sends Origin
   * with a cross-site POST.
   */
  public static boolean allowed(HttpRequest req) {
    String host = req.headers().get(HttpHeaderNames.HOST);
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null) {
      return sameHost(origin, host);
    }
    String referer = req.headers().get(HttpHeaderNames.REFERER);
    return referer == null || sameHost(referer, host);
  }

  /** True when the URL {@code url} is of {@code host} (the Host header: name and port). */
  static boolean sameHost(String url, String host) {
    try {
      String authority = URI.create(url.trim()).getRawAuthority();
      return authority != null && host != null && authority.equalsIgnoreCase(host.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
