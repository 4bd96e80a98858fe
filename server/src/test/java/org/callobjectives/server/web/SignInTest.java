package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void signingOutEndsTheSessionAndExpiresTheCookieWithTheAttributesItWasSetWith() throws Exception {
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      int port = ts.server.address().getPort();
      String origin = "Origin: http://127.0.0.1:" + port + "\r\n";
      RawHttp.Response in =
          RawHttp.send(
              "127.0.0.1",
              port,
              RawHttp.form(port, "/login", "name=sam&token=demo-supervisor", origin));
      assertEquals(303, in.status());
      String set = in.header("set-cookie");
      String id = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
      assertTrue(ts.server.access().sessionValid(id));

      RawHttp.Response out =
          RawHttp.send(
              "127.0.0.1",
              port,
              RawHttp.form(port, "/logout", "", origin + "Cookie: co_session=" + id + "\r\n"));
      assertEquals(303, out.status());
      assertEquals("/login", out.header("location"));
      String cleared = out.header("set-cookie");
      assertTrue(cleared.startsWith("co_session=;"), cleared);
      for (String attribute : new String[] {"Max-Age=0", "Path=/", "HttpOnly", "SameSite=Strict"}) {
        String a = attribute.toLowerCase(java.util.Locale.ROOT);
        assertTrue(cleared.toLowerCase(java.util.Locale.ROOT).contains(a), a + " in " + cleared);
        if (!attribute.startsWith("Max-Age")) {
          assertTrue(set.toLowerCase(java.util.Locale.ROOT).contains(a), a + " in " + set);
        }
      }
      assertFalse(ts.server.access().sessionValid(id));
    }
  }

  @Test
  void aSignInOrSignOutPostedFromAnotherSiteIsRefused() throws Exception {
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      int port = ts.server.address().getPort();
      String body = "name=sam&token=demo-supervisor";
      for (String from :
          new String[] {
            "Origin: http://evil.example\r\n",
            "Origin: null\r\n",
            "Origin: http://127.0.0.1:" + (port + 1) + "\r\n",
            "Referer: http://evil.example/page.html\r\n",
            "Origin: http://evil.example\r\nReferer: http://127.0.0.1:" + port + "/login\r\n"
          }) {
        RawHttp.Response r =
            RawHttp.send("127.0.0.1", port, RawHttp.form(port, "/login", body, from));
        assertEquals(403, r.status(), from);
        assertNull(r.header("set-cookie"), from);
        assertTrue(r.body().contains("another site"), r.body());
      }
      String same = "Origin: http://127.0.0.1:" + port + "\r\n";
      RawHttp.Response in =
          RawHttp.send("127.0.0.1", port, RawHttp.form(port, "/login", body, same));
      assertEquals(303, in.status());
      String set = in.header("set-cookie");
      String id = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
      assertEquals(
          303,
          RawHttp.send(
                  "127.0.0.1",
                  port,
                  RawHttp.form(
                      port,
                      "/login",
                      body,
                      "Referer: http://127.0.0.1:" + port + "/login?next=/supervisor\r\n"))
              .status(),
          "a Referer of this server, without Origin");
      assertEquals(
          303,
          RawHttp.send("127.0.0.1", port, RawHttp.form(port, "/login", body, "")).status(),
          "neither header: a script or API client");

      RawHttp.Response out =
          RawHttp.send(
              "127.0.0.1",
              port,
              RawHttp.form(
                  port,
                  "/logout",
                  "",
                  "Origin: http://evil.example\r\nCookie: co_session=" + id + "\r\n"));
      assertEquals(403, out.status());
      assertTrue(ts.server.access().sessionValid(id), "another site cannot sign the user out");
    }
  }

  static RawHttp.Response signIn(int port, String from, String name, String token)
      throws Exception {
    return RawHttp.send(
        from, port, RawHttp.form(port, "/login", "name=" + name + "&token=" + token, ""));
  }
}
