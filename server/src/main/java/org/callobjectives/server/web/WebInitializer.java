package org.callobjectives.server.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.callobjectives.server.config.ServerSettings;

/**
 * Only composes the pipeline: the connection limits, TLS (optional), idle close, HTTP with its
 * request deadlines, then the route table; a route that is a WebSocket (/agent, /supervisor/live)
 * swaps the HTTP handlers for the socket's own ({@link WebSocketUpgrade}).
 */
public final class WebInitializer extends ChannelInitializer<SocketChannel> {
  static final int MAX_HTTP_BODY = 256 * 1024;
  static final String DEADLINE = "deadline";
  static final String AGGREGATOR = "aggregator";
  static final String ROUTER = "router";

  private final SslContext ssl;
  private final HttpRouter router;
  private final ServerSettings.Limits limits;
  private final ConnectionLimits connections;
  private final RefusalLog refusals;

  /** {@code connections}: the counts of this server's connections, shared by all of them. */
  public WebInitializer(
      SslContext ssl,
      HttpRouter router,
      ServerSettings.Limits limits,
      ConnectionLimits connections,
      RefusalLog refusals) {
    this.ssl = ssl;
    this.router = router;
    this.limits = limits;
    this.connections = connections;
    this.refusals = refusals;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    // First, so that a connection is counted (and refused) before any TLS work is done for it.
    p.addLast(new ConnectionGate(connections, refusals));
    if (ssl != null) {
      p.addLast(ssl.newHandler(ch.alloc()));
    }
    // Silent for two minutes both ways (agent-bridges ping every 20 s, the live view pushes every 5
    // s): gone.
    p.addLast(new IdleStateHandler(0, 0, 120, TimeUnit.SECONDS));
    p.addLast(IdleCloser.INSTANCE);
    p.addLast(new HttpServerCodec(8192, 16 * 1024, 16 * 1024));
    if (ssl != null) {
      p.addLast(Hsts.INSTANCE);
    }
    p.addLast(
        DEADLINE, new RequestDeadline(limits.requestHeaderTimeout(), limits.requestBodyTimeout()));
    p.addLast(AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_BODY));
    p.addLast(ROUTER, router);
  }
}
