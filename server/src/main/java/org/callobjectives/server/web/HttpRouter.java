package org.callobjectives.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.access.Access;
import org.callobjectives.server.security.Principal;
import org.callobjectives.server.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP requests (not the agents' WebSocket): identifies the caller, then answers from the
 * route table: 404 for an unknown path, 405 (with Allow) for a known path and another method, the
 * role check, then the route's handler.
 */
@ChannelHandler.Sharable
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);

  private final Access access;
  private final List<Route> routes;

  private final java.util.concurrent.Executor slowWork;

  public HttpRouter(Access access, List<Route> routes, java.util.concurrent.Executor slowWork) {
    this.access = access;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Route r : routes) {
      // Two handlers for one method and path: the second would never run. Refuse it at start.
      if (!seen.add(r.method() + " " + r.path().replaceAll("\\{[^}]*}", "{}"))) {
        throw new IllegalArgumentException("two routes for " + r.method() + " " + r.path());
      }
    }
    this.routes = List.copyOf(routes);
    this.slowWork = slowWork;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) throws Exception {
    if (!req.decoderResult().isSuccess()) {
      HttpResponses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
      return;
    }
    String remote = Access.remote(ctx.channel().remoteAddress());
    if (access.needsSlowCheck(req)) {
      // HTTP Basic with a token not seen yet costs a PBKDF2 derivation: never on the event loop.
      req.retain();
      try {
        slowWork.execute(
            () -> {
              Principal who = safeIdentify(req, remote);
              ctx.executor()
                  .execute(
                      () -> {
                        try {
                          route(ctx, req, who);
                        } catch (Exception e) {
                          exceptionCaught(ctx, e);
                        } finally {
                          req.release();
                        }
                      });
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        req.release();
        HttpResponses.error(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down");
      }
      return;
    }
    route(ctx, req, access.identify(req, remote).orElse(null));
  }

  private Principal safeIdentify(FullHttpRequest req, String remote) {
    try {
      return access.identify(req, remote).orElse(null);
    } catch (RuntimeException e) {
      log.warn("could not check credentials: {}", e.toString());
      return null;
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest req, Principal who)
      throws Exception {
    String path = new QueryStringDecoder(req.uri()).path();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1); // "/admin/" is "/admin"
    }
    java.util.Set<String> allowed = new java.util.TreeSet<>();
    Role least = null;
    boolean open = false;
    for (Route r : routes) {
      Map<String, String> named = r.match(path);
      if (named == null) {
        continue;
      }
      if (!r.answers(req.method())) {
        allowed.add(r.method().name());
        if (r.role() == null) {
          open = true;
        } else if (least == null || least.atLeast(r.role())) {
          least = r.role();
        }
        continue;
      }
      if (r.role() == null || Guard.require(ctx, req, who, r.role())) {
        r.handler().handle(new Call(ctx, req, named, who));
      }
      return;
    }
    if (!allowed.isEmpty()) {
      // Which methods a protected path takes is for those who may use it.
      if (open || Guard.require(ctx, req, who, least)) {
        HttpResponses.methodNotAllowed(ctx, req, allowed);
      }
    } else if (open(area(path)) || Guard.require(ctx, req, who, areaRole(area(path)))) {
      // Under a protected area ("/api/admin/...") strangers get the sign-in answer, not a map of
      // it.
      HttpResponses.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such page: " + path);
    }
  }

  /** The first one or two segments of {@code path}: "/api/admin/", "/supervisor/". */
  private static String area(String path) {
    int second = path.indexOf('/', 1);
    if (second < 0) {
      return path;
    }
    int third = path.indexOf('/', second + 1);
    return path.startsWith("/api/") && third > 0
        ? path.substring(0, third + 1)
        : path.substring(0, second + 1);
  }

  /** True when some route in {@code area} is open to anyone, or none is there at all. */
  private boolean open(String area) {
    return routes.stream().noneMatch(r -> r.path().startsWith(area) && r.role() != null)
        || routes.stream().anyMatch(r -> r.path().startsWith(area) && r.role() == null);
  }

  /** The least role any route in {@code area} needs. */
  private Role areaRole(String area) {
    Role least = null;
    for (Route r : routes) {
      if (r.path().startsWith(area)
          && r.role() != null
          && (least == null || least.atLeast(r.role()))) {
        least = r.role();
      }
    }
    return least;
  }

  /** The server's own pages: its health and a hint at the root. */
  public static List<Route> basics(Supplier<Map<String, Object>> health) {
    return List.of(
        Route.get(
            "/health",
            null,
            c ->
                HttpResponses.json(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.OK,
                    Json.mapper().writeValueAsString(health.get()))),
        Route.get(
            "/",
            null,
            c ->
                HttpResponses.send(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.OK,
                    "text/plain; charset=utf-8",
                    "Call Objectives server. Agents open /desk in a browser, or connect"
                        + " agent-bridge to ws://<host>:<port>/agent; supervisors sign in at"
                        + " /login; health at /health.\n")));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof io.netty.handler.codec.PrematureChannelClosureException) {
      // A body cut short: the client went away, or a request deadline closed a slow one. Said at
      // debug: a flood of slow clients must not flood the log.
      log.debug("HTTP connection {} closed mid-request", ctx.channel().remoteAddress());
    } else {
      log.warn("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    }
    ctx.close();
  }
}
