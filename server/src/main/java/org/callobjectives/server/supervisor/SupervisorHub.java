package org.callobjectives.server.supervisor;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.callobjectives.server.web.WebSocketUpgrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisors' live WebSockets (/supervisor/live): upgrades signed-in requests and pushes each
 * snapshot to all.
 */
public final class SupervisorHub {
  private static final Logger log = LoggerFactory.getLogger(SupervisorHub.class);

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

  private final java.util.concurrent.atomic.AtomicLong slowClosed =
      new java.util.concurrent.atomic.AtomicLong();

  /** Live sockets closed because their page stopped reading. */
  public long slowClientsClosed() {
    return slowClosed.get();
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
      slowClosed.incrementAndGet();
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
    ctx.channel().attr(SESSION).set(org.callobjectives.server.access.Access.sessionId(req));
    WebSocketUpgrade.upgrade(
        ctx,
        req,
        "/supervisor/live",
        true,
        new Ignored(),
        ch -> {
          channels.add(ch);
          ch.closeFuture().addListener(x -> channels.remove(ch));
          current.get().thenAccept(json -> write(ch, json));
        });
  }

  /** A supervisor's page only listens: whatever it sends is dropped. */
  private static final class Ignored extends SimpleChannelInboundHandler<WebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {}

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("supervisor socket {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
