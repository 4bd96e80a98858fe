package org.callobjectives.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.callobjectives.server.access.Access;

/**
 * GET /login shows the sign-in form; POST /login checks name + token and sets the session cookie.
 */
public final class LoginRoute {
  private static final java.util.regex.Pattern SAFE_NEXT =
      java.util.regex.Pattern.compile("/[A-Za-z0-9/_.~-]*(\\?[A-Za-z0-9=&%_.~+-]*)?");
  private final Access access;
  private final Executor slowWork;
  private final boolean secureCookies;

  public LoginRoute(Access access, Executor slowWork, boolean secureCookies) {
    this.access = access;
    this.slowWork = slowWork;
    this.secureCookies = secureCookies;
  }

  /** GET and POST /login, POST /logout: open to anyone. */
  public List<Route> routes() {
    return List.of(
        Route.get(
            "/login",
            null,
            c ->
                HttpResponses.send(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.OK,
                    "text/html; charset=utf-8",
                    page(nextOrEmpty(c.query().get("next")), null, null))),
        Route.post("/login", null, c -> sameSiteOnly(c, this::signIn)),
        Route.post("/logout", null, c -> sameSiteOnly(c, this::signOut)));
  }

  /**
   * Another site's page must not sign a browser in (to an attacker's account) or out: such a post
   * is refused. Posts without Origin and Referer (scripts, API clients) pass: see {@link
   * SameOrigin}.
   */
  private static void sameSiteOnly(Call c, Route.Handler then) throws Exception {
    if (!SameOrigin.allowed(c.req())) {
      HttpResponses.send(
          c.ctx(),
          c.req(),
          HttpResponseStatus.FORBIDDEN,
          "text/plain; charset=utf-8",
          "Refused: this form was sent from another site. Sign in and out on this server's"
              + " /login page.\n");
      return;
    }
    then.handle(c);
  }

  private void signOut(Call c) {
    access.closeSession(Access.sessionId(c.req()));
    // The browser drops the cookie too: same name, path and attributes, expired.
    seeOther(c.ctx(), "/login", cookie("", 0));
  }

  /** The session cookie: HttpOnly, whole site, same-site only, Secure under TLS. */
  private DefaultCookie cookie(String value, long maxAgeSeconds) {
    DefaultCookie c = new DefaultCookie(Access.COOKIE, value);
    c.setHttpOnly(true);
    c.setPath("/");
    c.setSecure(secureCookies);
    c.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
    if (maxAgeSeconds >= 0) {
      c.setMaxAge(maxAgeSeconds);
    }
    return c;
  }

  private static void seeOther(ChannelHandlerContext ctx, String location, DefaultCookie cookie) {
    FullHttpResponse res =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.SEE_OTHER, Unpooled.EMPTY_BUFFER);
    res.headers().set(HttpHeaderNames.LOCATION, location);
    res.headers().set(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    res.headers().set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  private void signIn(Call call) {
    ChannelHandlerContext ctx = call.ctx();
    FullHttpRequest req = call.req();
    Map<String, List<String>> form =
        new QueryStringDecoder("?" + req.content().toString(StandardCharsets.UTF_8)).parameters();
    String name = first(form.get("name"));
    String token = first(form.get("token"));
    String asked = nextOrEmpty(form.get("next"));
    String remote = Access.remote(ctx.channel().remoteAddress());
    req.retain();
    slowWork.execute(
        () -> {
          try {
            Access.Result r = access.login(name, token, remote);
            if (r instanceof Access.Result.Ok ok) {
              // A session cookie (no Max-Age): it ends with the browser or the session.
              String home = asked.isEmpty() ? home(ok.who().role()) : asked;
              seeOther(ctx, home, cookie(access.openSession(ok.who()), -1));
            } else if (r instanceof Access.Result.Throttled) {
              HttpResponses.send(
                  ctx,
                  req,
                  HttpResponseStatus.TOO_MANY_REQUESTS,
                  "text/html; charset=utf-8",
                  page(asked, "Too many failed sign-ins. Wait a minute and try again.", name));
            } else {
              HttpResponses.send(
                  ctx,
                  req,
                  HttpResponseStatus.UNAUTHORIZED,
                  "text/html; charset=utf-8",
                  page(asked, "Unknown name or wrong token.", name));
            }
          } finally {
            req.release();
          }
        });
  }

  private static String first(List<String> v) {
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Where a sign-in without a page to return to goes: the page of that role. */
  static String home(org.callobjectives.server.security.Role role) {
    return switch (role) {
      case AGENT -> "/desk";
      case WALLBOARD -> "/wallboard";
      case METRICS -> "/metrics";
      case SUPERVISOR, ADMIN -> "/supervisor";
    };
  }

  /** The page asked for when it is a safe local one, else empty (the role's home page). */
  private static String nextOrEmpty(List<String> v) {
    String n = first(v);
    return n == null || !SAFE_NEXT.matcher(n).matches() || n.startsWith("//") ? "" : n;
  }

  /** Only local paths: never redirect a signed-in user to another site. */
  static String safeNext(List<String> v) {
    String n = first(v);
    // A plain local path (and query) only: no scheme, host, backslash, tab or other control
    // character that a browser could turn into a redirect to another site.
    if (n == null || !SAFE_NEXT.matcher(n).matches() || n.startsWith("//")) {
      return "/supervisor";
    }
    return n;
  }

  /** The form; after a failed sign-in it keeps the name typed, never the token. */
  private static String page(String next, String error, String name) {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Call Objectives</title>
        <style>body{font-family:sans-serif;background:#f4f6f8;display:flex;justify-content:center;padding-top:10vh}
        form{background:#fff;padding:2em;border-radius:8px;box-shadow:0 1px 4px #0002;min-width:20em}
        label{display:block;margin:.8em 0 .2em}input{width:100%;padding:.5em;box-sizing:border-box}
        button{margin-top:1.2em;padding:.6em 1.2em}.err{color:#b00020}</style></head><body>
        <form method="post" action="/login"><h1>Call Objectives</h1>
        """
        + (error == null ? "" : "<p class=\"err\" id=\"error\">" + Html.escape(error) + "</p>")
        + """
        <label for="name">Name or agent id</label><input id="name" name="name" autocomplete="username" required value=\""""
        + Html.escape(name == null ? "" : name)
        + """
        ">
        <label for="token">Token or password</label><input id="token" name="token" type="password"
          autocomplete="current-password" required>
        <input type="hidden" name="next" value=\""""
        + Html.escape(next)
        + """
        "><button id="signin" type="submit">Sign in</button></form></body></html>""";
  }
}
