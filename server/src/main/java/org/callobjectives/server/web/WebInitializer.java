package org.callobjectives.server.web;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.callobjectives.server.push.AgentSocketHandler;

/**
 * Only composes the pipeline: TLS (optional), HTTP, the agent WebSocket at /agent, then plain HTTP
 * routes.
 */
public final class WebInitializer extends ChannelInitializer<SocketChannel> {
  static final int MAX_HTTP_BODY = 256 * 1024;
  static final int MAX_WS_FRAME = 64 * 1024;

  private final SslContext ssl;
  private final Supplier<AgentSocketHandler> agentHandler;
  private final HttpRouter router;

  public WebInitializer(
      SslContext ssl, Supplier<AgentSocketHandler> agentHandler, HttpRouter router) {
    this.ssl = ssl;
    this.agentHandler = agentHandler;
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
    p.addLast(new HttpObjectAggregator(MAX_HTTP_BODY));
    p.addLast(
        new WebSocketServerProtocolHandler(
            WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/agent")
                .maxFramePayloadLength(MAX_WS_FRAME)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .build()));
    // Clients may fragment a message; the whole message is still limited to MAX_WS_FRAME.
    p.addLast(new WebSocketFrameAggregator(MAX_WS_FRAME));
    p.addLast(agentHandler.get());
    p.addLast(router);
  }
}
