package org.callobjectives.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.security.Principal;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser sessions live in the database: a restarted server (or another node) knows them, and a
 * sign-out reaches the other nodes at their next check.
 */
class SessionsAcrossRestartsTest {
  @TempDir Path dir;

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static FullHttpRequest withCookie(String id) {
    FullHttpRequest r =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/supervisor");
    r.headers().set(HttpHeaderNames.COOKIE, Access.COOKIE + "=" + id);
    return r;
  }

  private static String hash(String id) throws Exception {
    return java.util.Base64.getEncoder()
        .encodeToString(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void aSessionOutlivesARestartAndASignOutReachesTheOtherNode() throws Exception {
    Path db = dir.resolve("objectives.db");
    Config c = TestServer.exampleConfig(db, Duration.ofMinutes(2));
    Hands clock = new Hands();
    String id;
    Principal sam = new Principal("sam", Role.SUPERVISOR);
    try (Store store = Store.open(db)) {
      Access before = new Access(() -> c, clock, store.sessions());
      id = before.openSession(sam);
      assertEquals(Optional.of(sam), before.identify(withCookie(id), "127.0.0.1"));
    }
    try (Store store = Store.open(db)) {
      Access restarted = new Access(() -> c, clock, store.sessions());
      assertTrue(restarted.needsSlowCheck(withCookie(id)), "asked of the database, off the loop");
      assertEquals(Optional.of(sam), restarted.identify(withCookie(id), "127.0.0.1"));
      assertFalse(restarted.needsSlowCheck(withCookie(id)), "held now");
      assertTrue(restarted.sessionValid(id));

      Access otherNode = new Access(() -> c, clock, store.sessions());
      assertEquals(Optional.of(sam), otherNode.identify(withCookie(id), "127.0.0.1"));
      restarted.closeSession(id);
      assertEquals(
          Optional.empty(),
          restarted.identify(withCookie(id), "127.0.0.1"),
          "gone here at once, even before the delete is written");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (store.sessions().find(hash(id)).get().isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      clock.now = clock.now.plusMillis(Access.RECHECK_MS);
      assertTrue(otherNode.needsSlowCheck(withCookie(id)));
      assertEquals(
          Optional.empty(),
          otherNode.identify(withCookie(id), "127.0.0.1"),
          "signed out on the other node");
      assertEquals(Optional.empty(), otherNode.identify(withCookie("forged"), "127.0.0.1"));
    }
  }
}
