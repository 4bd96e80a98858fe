package org.callobjectives.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.store.SessionStore;
import org.callobjectives.server.testing.ManualClock;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in does the same work whatever the name: an unknown name is derived against a hash of the
 * fleet's cost, as a wrong token is; a token that matched is not derived again.
 */
class AccessTokenWorkTest {
  @TempDir Path dir;
  final List<String> derived = new ArrayList<>();
  Access access;
  Config config;

  @BeforeEach
  void start() throws Exception {
    ManualClock clock = new ManualClock();
    config = TestServer.exampleConfig(dir.resolve("x.db"), Duration.ofMinutes(2));
    TokenVerifier counting =
        new TokenVerifier(
            clock,
            (presented, stored) -> {
              derived.add(stored);
              return Tokens.matches(presented, stored);
            });
    access = new Access(() -> config, clock, mock(SessionStore.class), counting);
  }

  @Test
  void anUnknownNameCostsOneDerivationOfTheSameCostAsAWrongToken() {
    assertInstanceOf(Access.Result.Refused.class, access.login("1001", "wrong", "10.0.0.1"));
    assertEquals(1, derived.size());
    int wrongTokenCost = Tokens.iterations(derived.get(0));

    assertInstanceOf(Access.Result.Refused.class, access.login("nobody", "wrong", "10.0.0.2"));
    assertEquals(2, derived.size(), "an unknown name is derived too");
    assertEquals(wrongTokenCost, Tokens.iterations(derived.get(1)), "at the fleet's cost");
    assertFalse(
        derived.get(1).equals(config.agent("1001").orElseThrow().tokenHash()),
        "not against anyone's real hash");
  }

  @Test
  void aSecondSignInWithTheRightTokenNeedsNoDerivationAndStaysOnTheEventLoop() {
    FullHttpRequest req = basic("1001", "demo-1001");
    assertTrue(access.needsSlowCheck(req), "first time: off the event loop");
    assertInstanceOf(Access.Result.Ok.class, access.login("1001", "demo-1001", "10.0.0.1"));
    assertFalse(access.needsSlowCheck(req), "remembered: no derivation");
    assertInstanceOf(Access.Result.Ok.class, access.login("1001", "demo-1001", "10.0.0.1"));
    assertEquals(1, derived.size());

    assertTrue(access.needsSlowCheck(basic("1001", "wrong")), "a wrong token is never believed");
    assertTrue(access.needsSlowCheck(basic("nobody", "x")), "an unknown name is derived too");
  }

  private static FullHttpRequest basic(String name, String token) {
    FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health");
    r.headers()
        .set(
            HttpHeaderNames.AUTHORIZATION,
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8)));
    return r;
  }
}
