package org.callobjectives.bridge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.MalformedMessageException;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Welcome;

/**
 * A tiny real WebSocket server (Netty) standing in for the call-objectives server in tests. By
 * default it welcomes every Hello and acks every disposition; {@link #replies} changes that.
 */
final class TestWsServer implements AutoCloseable {

  /** What the server answers to one message: frames to send, then whether to close. */
  record Reply(List<String> frames, boolean close) {
    static Reply of(Message... messages) {
      return new Reply(java.util.Arrays.stream(messages).map(Json::write).toList(), false);
    }

    static Reply none() {
      return new Reply(List.of(), false);
    }

    Reply thenClose() {
      return new Reply(frames, true);
    }
  }

  static final BiFunction<Integer, Message, Reply> WELCOME_AND_ACK =
      (n, m) -> {
        if (m instanceof Hello h) {
          return Reply.of(
              new Welcome(h.agentId(), "Agent " + h.agentId(), System.currentTimeMillis()));
        }
        if (m instanceof DispositionSubmit d) {
          return Reply.of(new DispositionAck(d.requestId(), d.callId(), false, d));
        }
        return Reply.none();
      };

  static Reply unauthorized() {
    return Reply.of(new ErrorMessage(ErrorMessage.UNAUTHORIZED, "bad token", null)).thenClose();
  }

  final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
  final List<Message> all = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  volatile BiFunction<Integer, Message, Reply> replies = WELCOME_AND_ACK;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger messageCount = new AtomicInteger();
  private volatile Channel serverChannel;
  private volatile int port;

  /** Starts on a free loopback port. */
  static TestWsServer start() throws InterruptedException {
    TestWsServer s = new TestWsServer();
    s.bind(0);
    return s;
  }

  /** Starts on {@code port} (e.g. the port of a server that was stopped: a "restart"). */
  static TestWsServer start(int port) throws InterruptedException {
    TestWsServer s = new TestWsServer();
    s.bind(port);
    return s;
  }

  private void bind(int wantedPort) throws InterruptedException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(65536))
                        .addLast(new WebSocketServerProtocolHandler("/agent"))
                        .addLast(new Handler());
                  }
                });
    serverChannel = b.bind(new InetSocketAddress("127.0.0.1", wantedPort)).sync().channel();
    port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  int port() {
    return port;
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + port + "/agent");
  }

  /** Sends a raw text frame to every connected client. */
  void broadcast(String text) {
    clients.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
  }

  void broadcast(Message m) {
    broadcast(Json.write(m));
  }

  int connectedClients() {
    return clients.size();
  }

  /** Drops every client connection abruptly (no close frame), as a crashed server would. */
  void dropClients() {
    clients.close().syncUninterruptibly();
  }

  /** The next message received, or fails after {@code timeout}. */
  Message next(Duration timeout) throws InterruptedException {
    Message m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("server received nothing within " + timeout);
    }
    return m;
  }

  /** The next message of {@code type}, skipping others. */
  <T extends Message> T next(Class<T> type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Message m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError(
            "server received no " + type.getSimpleName() + " within " + timeout);
      }
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    clients.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        clients.add(ctx.channel());
        connections.incrementAndGet();
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      Message m;
      try {
        m = Json.read(frame.text());
      } catch (MalformedMessageException e) {
        ctx.writeAndFlush(
            new TextWebSocketFrame(
                Json.write(new ErrorMessage(ErrorMessage.BAD_REQUEST, e.getMessage(), null))));
        return;
      }
      // Decide the reply before a waiting test sees the message, so a test that changes
      // `replies` after seeing it changes the reply to the *next* message only.
      Reply r = replies.apply(messageCount.incrementAndGet(), m);
      all.add(m);
      received.add(m);
      for (String f : r.frames()) {
        ctx.write(new TextWebSocketFrame(f));
      }
      ctx.flush();
      if (r.close()) {
        ctx.writeAndFlush(new CloseWebSocketFrame(4001, "unauthorized"))
            .addListener(f -> ctx.close());
      }
    }
  }
}
