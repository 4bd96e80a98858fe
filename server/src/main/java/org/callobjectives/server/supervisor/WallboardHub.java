package org.callobjectives.server.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.access.Access;
import org.callobjectives.server.security.Principal;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.web.WebSocketUpgrade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall screens' live WebSockets (/wallboard/live): a screen signs in with its first message
 * (the kiosk name and token from the page's address), so it needs no session and carries on by
 * itself after a server restart; a signed-in supervisor's page needs no token.
 */
public final class WallboardHub {
  private static final Logger log = LoggerFactory.getLogger(WallboardHub.class);
  static final long SIGN_IN_WITHIN_MS = 10_000;

  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private static final io.netty.util.AttributeKey<Principal> WHO =
      io.netty.util.AttributeKey.valueOf("wallboard-who");
  private static final io.netty.util.AttributeKey<String> SESSION =
      io.netty.util.AttributeKey.valueOf("wallboard-session");
  private final Supplier<CompletableFuture<String>> current;
  private volatile Access access;
  private volatile Executor auth;

  /** {@code current} gives the latest figures for a newly signed-in screen. */
  public WallboardHub(Supplier<CompletableFuture<String>> current) {
    this.current = current;
  }

  /** Who checks the screens' tokens, and where (PBKDF2 stays off the event loops). */
  public void signInWith(Access access, Executor auth) {
    this.access = access;
    this.auth = auth;
  }

  private final java.util.concurrent.atomic.AtomicLong slowClosed =
      new java.util.concurrent.atomic.AtomicLong();

  /** Wall screens closed because they stopped reading. */
  public long slowClientsClosed() {
    return slowClosed.get();
  }

  public int connected() {
    return channels.size();
  }

  public void broadcast(String json) {
    for (Channel ch : channels) {
      write(ch, json);
    }
  }

  /** A wall screen, a supervisor or an admin; not an agent (the board shows every colleague). */
  private static boolean mayWatch(Principal p) {
    return p.role() == Role.WALLBOARD || p.role().atLeast(Role.SUPERVISOR);
  }

  private void write(Channel ch, String json) {
    if (!ch.isActive() || !ch.isWritable()) {
      if (ch.isActive()) {
        slowClosed.incrementAndGet();
      }
      channels.remove(ch);
      ch.close();
      return;
    }
    // Still allowed: the user kept in server.yaml, the session (if one let it in) still open.
    Principal who = ch.attr(WHO).get();
    String sid = ch.attr(SESSION).get();
    Access a = access;
    if (a != null && who != null && (!a.stillAllowed(who) || sid != null && !a.sessionValid(sid))) {
      log.info("wall screen {} of {}: no longer allowed, closing", ch.remoteAddress(), who.name());
      channels.remove(ch);
      ch.close();
      return;
    }
    ch.writeAndFlush(new TextWebSocketFrame(json))
        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }

  /** {@code who}: the router's check of the request's session, if any (a supervisor's page). */
  void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, Principal who) {
    boolean bySession = who != null && mayWatch(who);
    SignIn endpoint = new SignIn(bySession);
    if (bySession) {
      ctx.channel().attr(WHO).set(who);
      ctx.channel().attr(SESSION).set(Access.sessionId(req));
    }
    WebSocketUpgrade.upgrade(
        ctx,
        req,
        "/wallboard/live",
        bySession, // a socket a cookie opens: pages of other sites are refused
        endpoint,
        ch -> {
          if (endpoint.admitted) {
            admit(ch);
          } else {
            ch.eventLoop()
                .schedule(
                    () -> {
                      if (!endpoint.admitted) {
                        ch.close(); // holds a connection without signing in
                      }
                    },
                    SIGN_IN_WITHIN_MS,
                    TimeUnit.MILLISECONDS);
          }
        });
  }

  private void admit(Channel ch) {
    channels.add(ch);
    ch.closeFuture().addListener(x -> channels.remove(ch));
    current.get().thenAccept(json -> ch.eventLoop().execute(() -> write(ch, json)));
  }

  /** The first text frame signs the screen in: {"kiosk": name, "token": token}. */
  private final class SignIn extends SimpleChannelInboundHandler<WebSocketFrame> {
    volatile boolean admitted;
    private boolean checking;

    SignIn(boolean admitted) {
      this.admitted = admitted;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (admitted || checking || !(frame instanceof TextWebSocketFrame text)) {
        return; // a wall screen only listens
      }
      String name;
      String token;
      try {
        JsonNode n = Json.mapper().readTree(text.text());
        name = n.path("kiosk").asText(null);
        token = n.path("token").asText(null);
      } catch (java.io.IOException | RuntimeException e) {
        refuse(ctx, "sign in with {\"kiosk\": name, \"token\": token}");
        return;
      }
      Access a = access;
      if (a == null || name == null || token == null) {
        refuse(ctx, "sign in with {\"kiosk\": name, \"token\": token}");
        return;
      }
      checking = true;
      String remote = Access.remote(ctx.channel().remoteAddress());
      try {
        auth.execute(
            () -> {
              Access.Result r;
              try {
                r = a.login(name, token, remote);
              } catch (RuntimeException e) {
                r = new Access.Result.Refused();
              }
              Access.Result result = r;
              ctx.executor().execute(() -> signedIn(ctx, name, result));
            });
      } catch (RejectedExecutionException e) {
        ctx.close();
      }
    }

    private void signedIn(ChannelHandlerContext ctx, String name, Access.Result r) {
      checking = false;
      if (r instanceof Access.Result.Ok ok && mayWatch(ok.who())) {
        admitted = true;
        ctx.channel().attr(WHO).set(ok.who());
        log.info(
            "wall screen '{}' connected from {}", ok.who().name(), ctx.channel().remoteAddress());
        admit(ctx.channel());
        return;
      }
      refuse(
          ctx,
          r instanceof Access.Result.Throttled
              ? "too many failed sign-ins; wait a minute"
              : "unknown kiosk or wrong token");
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
      log.warn("wall screen from {} refused: {}", ctx.channel().remoteAddress(), why);
      ctx.writeAndFlush(
          new TextWebSocketFrame(Json.mapper().createObjectNode().put("error", why).toString()));
      // A short pause before closing slows down token guessing.
      ctx.executor().schedule(() -> ctx.close(), 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug(
          "wall screen socket {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
