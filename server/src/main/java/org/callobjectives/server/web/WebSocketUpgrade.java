package org.callobjectives.server.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket handshake: a route's GET with {@code Upgrade: websocket} becomes a socket whose
 * frames (whole messages, valid UTF-8, at most {@link #MAX_MESSAGE}) go to the endpoint's handler;
 * pings, pongs and the close are answered here. The role check has run in the router before.
 */
public final class WebSocketUpgrade {
  private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrade.class);

  /** The largest message a client may send, fragmented or not. */
  public static final int MAX_MESSAGE = 64 * 1024;

  /** RFC 6455 close code for an endpoint going away, such as a server shutting down. */
  static final int GOING_AWAY = 1001;

  /** User event: the server is shutting down; a socket sends its close (1001) and ends. */
  static final Object SHUTTING_DOWN = new Object();

  private WebSocketUpgrade() {}

  /** Whether {@code ch} was upgraded to a WebSocket. */
  static boolean isWebSocket(Channel ch) {
    return ch.pipeline().get(Control.class) != null;
  }

  /**
   * Upgrades {@code req} to a WebSocket at {@code path} handled by {@code endpoint}, which sees
   * only data frames; {@code opened} runs once the handshake is sent. {@code sameSiteOnly}: a
   * browser page of another site is refused (for sockets a cookie opens).
   */
  public static void upgrade(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      String path,
      boolean sameSiteOnly,
      ChannelHandler endpoint,
      Consumer<Channel> opened) {
    if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          path + " is a WebSocket: connect with a WebSocket client (Upgrade: websocket)");
      return;
    }
    String host = req.headers().get(HttpHeaderNames.HOST);
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    if (sameSiteOnly && origin != null && !SameOrigin.sameHost(origin, host)) {
      // Another site's page must not ride on the user's cookie.
      HttpResponses.error(ctx, req, HttpResponseStatus.FORBIDDEN, "cross-site WebSocket refused");
      return;
    }
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://" + host + path, null, false, MAX_MESSAGE)
            .newHandshaker(req);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    Channel ch = ctx.channel();
    ChannelPipeline p = ctx.pipeline();
    // A socket may be quiet as long as it likes (pings keep it open): no request deadlines.
    if (p.get(WebInitializer.DEADLINE) != null) {
      p.remove(WebInitializer.DEADLINE);
    }
    handshaker
        .handshake(ch, req)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                log.debug(
                    "WebSocket handshake on {} with {} failed: {}",
                    path,
                    ch.remoteAddress(),
                    f.cause().toString());
                ch.close();
                return;
              }
              // The handshake may complete within handshake() itself, before the endpoint is
              // in the pipeline: the endpoint hears of it once it is.
              ch.eventLoop().execute(() -> opened.accept(ch));
            });
    // From now on this connection speaks WebSocket: the HTTP routes step aside.
    p.remove(ctx.handler());
    p.addLast(new Utf8FrameValidator());
    p.addLast(new WebSocketFrameAggregator(MAX_MESSAGE));
    p.addLast(new Control(handshaker));
    p.addLast(endpoint);
  }

  /**
   * Answers pings, drops pongs, completes the close; passes data frames on. Per connection. A close
   * the server started ends the connection when the client's close comes back (what the client sent
   * meanwhile is read and dropped by the endpoint, so closing never resets the connection under
   * answers the client has not read yet).
   */
  private static final class Control extends ChannelDuplexHandler {
    private final WebSocketServerHandshaker handshaker;
    private boolean closeSent;

    Control(WebSocketServerHandshaker handshaker) {
      this.handshaker = handshaker;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (closeSent && msg instanceof WebSocketFrame) {
        // Nothing may follow a close (RFC 6455 5.5.1); what was meant for this connection is
        // given again on the next (open calls are replayed on sign-in).
        ReferenceCountUtil.release(msg);
        promise.setFailure(new java.nio.channels.ClosedChannelException());
        return;
      }
      if (msg instanceof CloseWebSocketFrame) {
        closeSent = true;
      }
      ctx.write(msg, promise);
    }

    /**
     * A close frame tells every client, browsers included, that the server went on purpose and
     * another may take over: a bare end of the connection was seen to go unnoticed by a client.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt != SHUTTING_DOWN) {
        ctx.fireUserEventTriggered(evt);
        return;
      }
      if (closeSent || !ctx.channel().isActive()) {
        ctx.close();
        return;
      }
      ctx.writeAndFlush(new CloseWebSocketFrame(GOING_AWAY, "server shutting down"))
          .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof CloseWebSocketFrame close) {
        if (closeSent) {
          close.release();
          ctx.close();
        } else {
          handshaker.close(ctx.channel(), close);
        }
      } else if (msg instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
      } else if (msg instanceof PongWebSocketFrame pong) {
        pong.release();
      } else {
        ctx.fireChannelRead(msg);
      }
    }
  }
}
