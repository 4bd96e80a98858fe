package org.callobjectives.server.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty server for agents, supervisors and admins. */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup workers =
      new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
  private Channel channel;

  /** Every accepted connection, so that close() ends them all before the event loops stop. */
  private final io.netty.channel.group.ChannelGroup open =
      new io.netty.channel.group.DefaultChannelGroup(
          io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);

  /**
   * Binds the listening socket without accepting yet: done before any data is touched, so a port in
   * use stops a start at once. Connections made before {@link #start} wait in the backlog.
   */
  public static ServerSocketChannel bind(String host, int port)
      throws PortInUseException, java.io.IOException {
    ServerSocketChannel ch = ServerSocketChannel.open();
    try {
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      ch.bind(new InetSocketAddress(host, port), 1024);
      return ch;
    } catch (java.net.BindException e) {
      ch.close();
      throw new PortInUseException(
          "cannot listen on "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage()
              + " (is another server running? change listen.port in server.yaml)");
    } catch (java.io.IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** The port is taken (or the address not usable). */
  public static final class PortInUseException extends java.io.IOException {
    PortInUseException(String message) {
      super(message);
    }
  }

  public InetSocketAddress start(String host, int port, WebInitializer initializer)
      throws Exception {
    return start(bind(host, port), initializer);
  }

  /** Starts accepting on a socket from {@link #bind}. */
  public InetSocketAddress start(ServerSocketChannel bound, WebInitializer initializer)
      throws InterruptedException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, workers)
            .channelFactory(() -> new NioServerSocketChannel(bound))
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            // A client that stops reading fills at most 1 MiB before pushes to it stop (see
            // AgentSessions).
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(
                new io.netty.channel.ChannelInitializer<io.netty.channel.socket.SocketChannel>() {
                  @Override
                  protected void initChannel(io.netty.channel.socket.SocketChannel ch) {
                    open.add(ch);
                    ch.pipeline().addLast(initializer);
                  }
                });
    channel = b.register().sync().channel(); // already bound: registering starts accepting
    InetSocketAddress addr = (InetSocketAddress) channel.localAddress();
    log.info("listening on {}:{}", addr.getHostString(), addr.getPort());
    return addr;
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    // Clients must see the close now and reconnect (to this server restarted, or another node); a
    // connection left to the event loops' shutdown was seen to stay open with nobody behind it.
    // WebSockets say so with a close frame (1001) first; the rest are simply closed.
    for (Channel ch : open) {
      if (WebSocketUpgrade.isWebSocket(ch)) {
        ch.pipeline().fireUserEventTriggered(WebSocketUpgrade.SHUTTING_DOWN);
      } else {
        ch.close();
      }
    }
    open.newCloseFuture().awaitUninterruptibly(1, java.util.concurrent.TimeUnit.SECONDS);
    open.close().awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
