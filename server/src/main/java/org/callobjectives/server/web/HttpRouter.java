package org.callobjectives.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.access.Access;
import org.callobjectives.server.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP requests (not the WebSocket upgrade): identifies the caller, then asks each route in
 * turn.
 */
@ChannelHandler.Sharable
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);

  private final Supplier<Map<String, Object>> health;
  private final Access access;
  private final List<HttpRoute> routes;

  private final java.util.concurrent.Executor slowWork;

  public HttpRouter(
      Supplier<Map<String, Object>> health,
      Access access,
      List<HttpRoute> routes,
      java.util.concurrent.Executor slowWork) {
    this.health = health;
    this.access = access;
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
    for (HttpRoute r : routes) {
      if (r.handle(ctx, req, path, who)) {
        return;
      }
    }
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      HttpResponses.error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET here");
      return;
    }
    switch (path) {
      case "/health" ->
          HttpResponses.json(
              ctx, req, HttpResponseStatus.OK, Json.mapper().writeValueAsString(health.get()));
      case "/" ->
          HttpResponses.send(
              ctx,
              req,
              HttpResponseStatus.OK,
              "text/plain; charset=utf-8",
              "Call Objectives server. Agents connect with agent-bridge to ws://<host>:<port>/agent; "
                  + "health at /health; supervisors sign in at /login.\n");
      default ->
          HttpResponses.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such page: " + path);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
