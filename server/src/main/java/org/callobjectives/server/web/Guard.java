package org.callobjectives.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.callobjectives.server.security.Principal;
import org.callobjectives.server.security.Role;

/** Answers 401 (not signed in) or 403 (signed in without the role) for protected pages and APIs. */
public final class Guard {
  private Guard() {}

  /** True when {@code who} has {@code role}; otherwise the refusal has been sent. */
  public static boolean require(
      ChannelHandlerContext ctx, FullHttpRequest req, Principal who, Role role) {
    if (who != null && who.role().atLeast(role)) {
      return true;
    }
    boolean browser =
        req.headers().contains(HttpHeaderNames.ACCEPT)
            && req.headers().get(HttpHeaderNames.ACCEPT).contains("text/html");
    if (who == null && browser) {
      HttpResponses.redirect(
          ctx,
          req,
          "/login?next="
              + java.net.URLEncoder.encode(req.uri(), java.nio.charset.StandardCharsets.UTF_8));
      return false;
    }
    if (who == null) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.UNAUTHORIZED,
          "sign in: session cookie from /login or HTTP Basic name:token");
    } else if (browser) {
      // A person signed in with too few rights: a page that says so and where to go, not JSON.
      String name = Html.escape(who.name());
      String has = who.role().name().toLowerCase(java.util.Locale.ROOT);
      String needs = role.name().toLowerCase(java.util.Locale.ROOT);
      HttpResponses.send(
          ctx,
          req,
          HttpResponseStatus.FORBIDDEN,
          "text/html; charset=utf-8",
          "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed -"
              + " Call Objectives</title></head><body style=\"font-family:sans-serif;padding:2em\">"
              + "<h1>Not allowed</h1><p id=\"reason\">You are signed in as "
              + name
              + " ("
              + has
              + "); this page needs "
              + needs
              + " rights.</p><p><a href=\"/supervisor\">Supervisor view</a></p>"
              + "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out and"
              + " sign in as someone else</button></form></body></html>");
    } else {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.FORBIDDEN,
          who.role().name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + who.name()
              + " may not open this; needs "
              + role.name().toLowerCase(java.util.Locale.ROOT));
    }
    return false;
  }
}
