package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.testing.AdminServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One route table answers every page and API: 404, 405 with Allow, the role, then the handler. */
class RouteTableTest {
  @TempDir Path tmp;

  @Test
  void anUnknownPathIs404AndAKnownPathWithAnotherMethodIs405NamingTheAllowedOnes()
      throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      assertEquals(404, s.admin("GET", "/api/admin/nothing-here", null).statusCode());
      HttpResponse<String> del = s.admin("DELETE", "/api/admin/objectives", null);
      assertEquals(405, del.statusCode());
      assertEquals("GET, HEAD", del.headers().firstValue("Allow").orElse(""));
      HttpResponse<String> files = s.admin("DELETE", "/api/admin/files/objectives.yaml", null);
      assertEquals(405, files.statusCode());
      assertEquals("GET, HEAD, PUT", files.headers().firstValue("Allow").orElse(""));
      assertEquals(405, s.send("POST", "/health", null, null, "{}").statusCode());
      assertEquals(200, s.send("HEAD", "/health", null, null, null).statusCode());
    }
  }

  @Test
  void theRoleIsCheckedBeforeTheHandlerAndNamedPartsAreDecoded() throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      assertEquals(401, s.send("GET", "/api/admin/objectives", null, null, null).statusCode());
      HttpResponse<String> one = s.admin("GET", "/api/admin/objectives/no%20such", null);
      assertEquals(404, one.statusCode());
      assertTrue(one.body().contains("no objective 'no such'"), one.body());
      HttpResponse<String> percent = s.admin("GET", "/api/admin/objectives/10%25", null);
      assertEquals(404, percent.statusCode());
      assertTrue(percent.body().contains("no objective '10%'"), percent.body());
      HttpResponse<String> plus = s.admin("GET", "/api/admin/objectives/up+sell", null);
      assertTrue(plus.body().contains("no objective 'up+sell'"), plus.body());
      assertEquals(200, s.admin("GET", "/api/admin/objectives/", null).statusCode());
      // which methods a protected path takes is not told to strangers
      HttpResponse<String> anonymous = s.send("DELETE", "/api/admin/objectives", null, null, null);
      assertEquals(401, anonymous.statusCode());
      assertTrue(anonymous.headers().firstValue("Allow").isEmpty());
      // nor which paths exist there
      assertEquals(401, s.send("GET", "/api/admin/nothing-here", null, null, null).statusCode());
      assertEquals(404, s.send("GET", "/nothing-here", null, null, null).statusCode());
    }
  }

  @Test
  void aSupervisorOpeningTheAdminPageInABrowserGetsAPageSayingWhyNotJson() throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      java.net.http.HttpRequest req =
          java.net.http.HttpRequest.newBuilder(s.uri("/admin"))
              .header("Accept", "text/html")
              .header(
                  "Authorization",
                  "Basic "
                      + java.util.Base64.getEncoder()
                          .encodeToString(
                              "sam:demo-supervisor"
                                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .build();
      HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
      assertEquals(403, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(
          r.body().contains("signed in as sam (supervisor); this page needs admin"), r.body());
      assertTrue(r.body().contains("action=\"/logout\""), r.body());
    }
  }

  @Test
  void namedPartsMatchOneSegmentEach() {
    Route r = Route.post("/api/admin/proposals/{id}/accept", Role.ADMIN, c -> {});
    assertEquals(Map.of("id", "7"), r.match("/api/admin/proposals/7/accept"));
    assertEquals(null, r.match("/api/admin/proposals//accept"));
    assertEquals(null, r.match("/api/admin/proposals/7/8/accept"));
  }

  @Test
  void twoRoutesForOneMethodAndPathAreRefusedAtStart() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new HttpRouter(
                    null,
                    List.of(
                        Route.get("/a/{x}", null, c -> {}),
                        Route.get("/a/{y}", Role.ADMIN, c -> {})),
                    Runnable::run));
    assertTrue(e.getMessage().contains("GET /a/{y}"), e.getMessage());
  }
}
