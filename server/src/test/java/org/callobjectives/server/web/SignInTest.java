package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.server.testing.RawHttp;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in and out over real sockets, from several loopback addresses. */
class SignInTest {
  @TempDir Path dir;

  @Test
  void aBruteForceFromFortyAddressesDoesNotLockTheAdminOutWhereSheSignedInBefore()
      throws Exception {
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      int port = ts.server.address().getPort();
      assertEquals(303, signIn(port, "127.0.0.1", "ada", "demo-admin").status());
      int last = 0;
      for (int a = 2; a <= 41; a++) {
        for (int i = 0; i < 3; i++) {
          last = signIn(port, "127.0.0." + a, "ada", "guess" + i).status();
        }
      }
      assertEquals(429, last, "120 guesses at one name: the backstop stops the attacker");
      assertEquals(
          429,
          signIn(port, "127.0.0.99", "ada", "demo-admin").status(),
          "the backstop holds for an address she never signed in from");
      assertEquals(
          303,
          signIn(port, "127.0.0.1", "ada", "demo-admin").status(),
          "where she signed in before, she still can");
    }
  }

  static RawHttp.Response signIn(int port, String from, String name, String token)
      throws Exception {
    return RawHttp.send(
        from, port, RawHttp.form(port, "/login", "name=" + name + "&token=" + token, ""));
  }
}
