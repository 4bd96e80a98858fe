package org.callobjectives.server.supervisor;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.callobjectives.server.push.AgentSocketHandler;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.HttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' live WebSockets (/supervisor/live): upgrades signed-in requests and pushes each
 * snapshot to all.
 */
public final class SupervisorHub {
  private static final Logger log = LoggerFactory.getLogger(SupervisorHub.class);
  static final int MAX_FRAME = 64 * 1024;

  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private static final io.netty.util.AttributeKey<String> SESSION =
      io.netty.util.AttributeKey.valueOf("session");
  private volatile java.util.function.Predicate<String> sessionValid = sid -> true;
  private final Supplier<CompletableFuture<String>> current;

  /** {@code current} gives the latest snapshot for a newly opened socket. */
  public SupervisorHub(Supplier<CompletableFuture<String>> current) {
    this.current = current;
  }

  /**
   * Live sockets opened with a session cookie close when that session ends (sign-out, expiry,
   * removal).
   */
  public void checkSessionsWith(java.util.function.Predicate<String> valid) {
    this.sessionValid = valid;
  }

  public int connected() {
    return channels.size();
  }

  /** Sends a snapshot to every open supervisor socket; a socket that stopped reading is closed. */
  public void broadcast(String json) {
    for (Channel ch : channels) {
      write(ch, json);
    }
  }

  private void write(Channel ch, String json) {
    if (!ch.isActive()) {
      channels.remove(ch);
      return;
    }
    String sid = ch.attr(SESSION).get();
    if (sid != null && !sessionValid.test(sid)) {
      log.info("supervisor page {}: session ended, closing its live socket", ch.remoteAddress());
      channels.remove(ch);
      ch.close();
      return;
    }
    if (!ch.isWritable()) {
      log.warn("supervisor page {} is not reading: closing its live socket", ch.remoteAddress());
      channels.remove(ch);
      ch.close();
      return;
    }
    ch.writeAndFlush(new TextWebSocketFrame(json))
        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }

  /**
   * Upgrades an already authorised request to the live WebSocket. The handshake is a plain HTTP
   * request, so the session cookie was checked by the router before this runs.
   */
  void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "/supervisor/live is a WebSocket: open it with new WebSocket(...)");
      return;
    }
    String host = req.headers().get(HttpHeaderNames.HOST);
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !sameHost(origin, host)) {
      // Another site's page must not ride on the supervisor's cookie.
      HttpResponses.error(ctx, req, HttpResponseStatus.FORBIDDEN, "cross-site WebSocket refused");
      return;
    }
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                "ws://" + host + "/supervisor/live", null, false, MAX_FRAME)
            .newHandshaker(req);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    ChannelPipeline p = ctx.pipeline();
    // This connection is a supervisor's from now on: the agent socket and the HTTP routes step
    // aside.
    List<io.netty.channel.ChannelHandler> leave = new ArrayList<>();
    for (Map.Entry<String, io.netty.channel.ChannelHandler> e : p) {
      var h = e.getValue();
      if (h instanceof WebSocketServerProtocolHandler
          || h instanceof AgentSocketHandler
          || h instanceof HttpRouter) {
        leave.add(h);
      }
    }
    Channel ch = ctx.channel();
    ch.attr(SESSION).set(org.callobjectives.server.access.Access.sessionId(req));
    handshaker
        .handshake(ch, req)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                log.warn(
                    "supervisor WebSocket handshake with {} failed: {}",
                    ch.remoteAddress(),
                    f.cause().toString());
                ch.close();
                return;
              }
              channels.add(ch);
              ch.closeFuture().addListener(x -> channels.remove(ch));
              current.get().thenAccept(json -> write(ch, json));
            });
    leave.forEach(p::remove);
    p.addLast(new Frames(handshaker));
  }

  private static boolean sameHost(String origin, String host) {
    try {
      String authority = URI.create(origin).getAuthority();
      return authority != null && host != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** What a supervisor's browser sends: only pings and the close; anything else is ignored. */
  private static final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final WebSocketServerHandshaker handshaker;

    Frames(WebSocketServerHandshaker handshaker) {
      this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof CloseWebSocketFrame close) {
        handshaker.close(ctx.channel(), close.retain());
      } else if (frame instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("supervisor socket {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
