package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** After sign-in the browser only ever goes to a path on this server. */
class LoginRouteTest {
  @Test
  void onlyPlainLocalPathsAreFollowedAfterSignIn() {
    assertEquals("/admin", LoginRoute.safeNext(List.of("/admin")));
    assertEquals(
        "/supervisor/review?from=2026-11-01&to=2026-11-07",
        LoginRoute.safeNext(List.of("/supervisor/review?from=2026-11-01&to=2026-11-07")));
    for (String evil :
        new String[] {
          "//evil.example",
          "/\t/evil.example",
          "/\\evil.example",
          "https://evil.example",
          "/ok\r\nSet-Cookie: x=y",
          "javascript:alert(1)",
          "",
          " /admin",
          "/%09/evil.example"
        }) {
      assertEquals("/supervisor", LoginRoute.safeNext(List.of(evil)), evil);
    }
  }
}
