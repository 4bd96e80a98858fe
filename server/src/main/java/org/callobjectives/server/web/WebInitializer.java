package org.callobjectives.server.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Only composes the pipeline: TLS (optional), idle close, HTTP, then the route table; a route that
 * is a WebSocket (/agent, /supervisor/live) swaps the HTTP handlers for the socket's own ({@link
 * WebSocketUpgrade}).
 */
public final class WebInitializer extends ChannelInitializer<SocketChannel> {
  static final int MAX_HTTP_BODY = 256 * 1024;

  private final SslContext ssl;
  private final HttpRouter router;

  public WebInitializer(SslContext ssl, HttpRouter router) {
    this.ssl = ssl;
    this.router = router;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
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
    p.addLast(new HttpObjectAggregator(MAX_HTTP_BODY));
    p.addLast(router);
  }
}
