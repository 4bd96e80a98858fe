package org.callobjectives.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import org.callobjectives.server.security.Principal;

/**
 * A request on its way to its route's handler: channel, request, the path's named parts, who asks.
 */
public record Call(
    ChannelHandlerContext ctx, FullHttpRequest req, Map<String, String> named, Principal who) {
  /** A named part of the path ({@code id} for {@code /proposals/{id}}). */
  public String path(String name) {
    return named.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> v = new QueryStringDecoder(req.uri()).parameters().get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** All query parameters. */
  public Map<String, List<String>> query() {
    return new QueryStringDecoder(req.uri()).parameters();
  }
}
