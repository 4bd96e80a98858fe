package org.callobjectives.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes complete HTTP responses with the headers every page and API answer needs. */
public final class HttpResponses {
  private HttpResponses() {}

  public static void send(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpResponseStatus status,
      String contentType,
      String body) {
    send(ctx, req, status, contentType, body, null);
  }

  /** 405 naming the methods the path does answer (the Allow header). */
  public static void methodNotAllowed(
      ChannelHandlerContext ctx, FullHttpRequest req, java.util.Collection<String> allowed) {
    java.util.Set<String> all = new java.util.TreeSet<>(allowed);
    if (all.contains("GET")) {
      all.add("HEAD");
    }
    String list = String.join(", ", all);
    send(
        ctx,
        req,
        HttpResponseStatus.METHOD_NOT_ALLOWED,
        "application/json; charset=utf-8",
        "{\"error\":" + quote(req.method() + " is not allowed here; use " + list) + "}",
        list);
  }

  private static void send(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpResponseStatus status,
      String contentType,
      String body,
      String allow) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    if (allow != null) {
      res.headers().set(HttpHeaderNames.ALLOW, allow);
    }
    res.headers().set("X-Content-Type-Options", "nosniff");
    res.headers()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self' ws: wss:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    boolean keepAlive = req != null && HttpUtil.isKeepAlive(req) && status.code() < 400;
    if (keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(res);
    } else {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }

  public static void redirect(ChannelHandlerContext ctx, FullHttpRequest req, String location) {
    FullHttpResponse res =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SEE_OTHER);
    res.headers().set(HttpHeaderNames.LOCATION, location);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  public static void json(
      ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String json) {
    send(ctx, req, status, "application/json; charset=utf-8", json);
  }

  public static void error(
      ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String msg) {
    json(ctx, req, status, "{\"error\":" + quote(msg) + "}");
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
