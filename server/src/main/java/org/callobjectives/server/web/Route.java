package org.callobjectives.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callobjectives.server.security.Role;

/**
 * One line of the route table: method, path (with named parts such as {@code {id}}), the least role
 * that may call it (null: anyone), and the handler that answers.
 */
public record Route(HttpMethod method, String path, Role role, Handler handler) {
  /** Answers one request; must not block the event loop (slow work completes later). */
  @FunctionalInterface
  public interface Handler {
    void handle(Call call) throws Exception;
  }

  public Route {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with '/': " + path);
    }
  }

  /** GET (and HEAD) of {@code path}. */
  public static Route get(String path, Role role, Handler handler) {
    return new Route(HttpMethod.GET, path, role, handler);
  }

  public static Route post(String path, Role role, Handler handler) {
    return new Route(HttpMethod.POST, path, role, handler);
  }

  public static Route put(String path, Role role, Handler handler) {
    return new Route(HttpMethod.PUT, path, role, handler);
  }

  /**
   * The named parts of {@code actual} (a decoded path) when it has this route's shape, else null.
   */
  Map<String, String> match(String actual) {
    String[] want = path.split("/", -1);
    String[] got = actual.split("/", -1);
    if (want.length != got.length) {
      return null;
    }
    Map<String, String> named = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      if (want[i].startsWith("{") && want[i].endsWith("}")) {
        if (got[i].isEmpty()) {
          return null;
        }
        // the router's path is decoded once already ("%25" is "%" here, "+" is "+")
        named.put(want[i].substring(1, want[i].length() - 1), got[i]);
      } else if (!want[i].equals(got[i])) {
        return null;
      }
    }
    return named;
  }

  /** True for this route's method; a GET route answers HEAD too. */
  boolean answers(HttpMethod m) {
    return method.equals(m) || method.equals(HttpMethod.GET) && m.equals(HttpMethod.HEAD);
  }
}
