package org.callobjectives.server.supervisor;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.PeriodSpec;
import org.callobjectives.server.goals.ShiftCalendar;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.stats.LiveStats;
import org.callobjectives.server.stats.Review;
import org.callobjectives.server.store.StatsStore;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.PageResource;
import org.callobjectives.server.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisor pages and APIs, all for supervisors and admins: /supervisor (live view, its JS and the
 * /supervisor/live WebSocket), /supervisor/review, /api/stats/live,
 * /api/stats/review[.csv]?from=&amp;to=; and the wall screen's /wallboard, whose socket signs in
 * with a wallboard user's token.
 */
public final class SupervisorRoutes {
  private static final Logger log = LoggerFactory.getLogger(SupervisorRoutes.class);
  static final int MAX_REVIEW_DAYS = 366;

  private final LiveStats stats;
  private final StatsStore store;
  private final Supplier<Config> config;
  private final SupervisorHub hub;
  private final ShiftCalendar calendar;
  private final Map<String, String[]> files;

  private final WallboardHub wallboard;

  public SupervisorRoutes(
      LiveStats stats,
      StatsStore store,
      Supplier<Config> config,
      SupervisorHub hub,
      WallboardHub wallboard) {
    this.stats = stats;
    this.store = store;
    this.config = config;
    this.hub = hub;
    this.wallboard = wallboard;
    this.calendar = stats.goals().calendar();
    String html = "text/html; charset=utf-8";
    String js = "text/javascript; charset=utf-8";
    this.files =
        Map.of(
            "/supervisor", new String[] {html, resource("live.html")},
            "/supervisor/app.js", new String[] {js, resource("app.js")},
            "/supervisor/review", new String[] {html, resource("review.html")},
            "/supervisor/review.js", new String[] {js, resource("review.js")},
            "/wallboard", new String[] {html, resource("wallboard.html")},
            "/wallboard/app.js", new String[] {js, resource("wallboard.js")});
  }

  /** The pages, their scripts, the live socket and the figures: supervisors and admins only. */
  public List<Route> routes() {
    List<Route> out = new java.util.ArrayList<>();
    files.forEach(
        (path, file) ->
            out.add(
                Route.get(
                    path,
                    // The wall screen's page is public: it shows nothing until its socket signs in.
                    path.startsWith("/wallboard") ? null : Role.SUPERVISOR,
                    c ->
                        HttpResponses.send(
                            c.ctx(), c.req(), HttpResponseStatus.OK, file[0], file[1]))));
    out.add(Route.get("/supervisor/live", Role.SUPERVISOR, c -> hub.upgrade(c.ctx(), c.req())));
    out.add(Route.get("/wallboard/live", null, c -> wallboard.upgrade(c.ctx(), c.req(), c.who())));
    out.add(
        Route.get(
            "/api/stats/live",
            Role.SUPERVISOR,
            c -> later(c.ctx(), c.req(), stats.snapshotJson(), "application/json; charset=utf-8")));
    out.add(
        Route.get(
            "/api/stats/hourly",
            Role.SUPERVISOR,
            c -> {
              LocalDate day;
              try {
                day = date(c.query(), "date", calendar.today(stats.now()));
              } catch (DateTimeParseException e) {
                HttpResponses.error(
                    c.ctx(), c.req(), HttpResponseStatus.BAD_REQUEST, "date must be YYYY-MM-DD");
                return;
              }
              if (day.getYear() < 2000 || day.getYear() > 2100) {
                HttpResponses.error(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.BAD_REQUEST,
                    "date must be between 2000 and 2100");
                return;
              }
              later(
                  c.ctx(),
                  c.req(),
                  org.callobjectives.server.stats.Hourly.of(store, day, calendar.zone())
                      .thenApply(LiveStatsJson::write),
                  "application/json; charset=utf-8");
            }));
    out.add(
        Route.get(
            "/api/stats/review",
            Role.SUPERVISOR,
            c ->
                review(c.ctx(), c.req(), LiveStatsJson::write, "application/json; charset=utf-8")));
    out.add(
        Route.get(
            "/api/stats/review.csv",
            Role.SUPERVISOR,
            c -> review(c.ctx(), c.req(), Review::csv, "text/csv; charset=utf-8")));
    return List.copyOf(out);
  }

  private void review(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Function<Review.Report, String> format,
      String contentType) {
    Map<String, List<String>> q = new QueryStringDecoder(req.uri()).parameters();
    long now = System.currentTimeMillis();
    LocalDate from;
    LocalDate to;
    try {
      Window week = calendar.window(PeriodSpec.of(PeriodSpec.Kind.WEEK), now);
      to = date(q, "to", calendar.today(now));
      from = date(q, "from", q.containsKey("to") ? to.minusDays(6) : week.from());
    } catch (DateTimeParseException e) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "from and to are dates like 2026-11-23 (inclusive): " + e.getParsedString());
      return;
    } catch (java.time.DateTimeException | ArithmeticException e) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "from and to must be dates between 2000 and 2100");
      return;
    }
    if (from.getYear() < 2000 || to.getYear() > 2100) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "from and to must be dates between 2000 and 2100");
      return;
    }
    if (to.isBefore(from)) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "to (" + to + ") is before from (" + from + ")");
      return;
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_REVIEW_DAYS) {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "a review spans at most " + MAX_REVIEW_DAYS + " days");
      return;
    }
    Window current = calendar.dates("review", from, to);
    Window previous = calendar.sameDaysBefore(current, stats.now());
    var rows = store.totals(current.fromMillis(), current.toMillis());
    var before = store.totals(previous.fromMillis(), previous.toMillis());
    var totals = rows.thenCombine(before, List::of);
    var kept =
        store
            .commitments(current.fromMillis(), current.toMillis())
            .thenCombine(store.commitments(previous.fromMillis(), previous.toMillis()), List::of);
    later(
        ctx,
        req,
        totals.thenCombine(
            kept,
            (t, k) ->
                format.apply(
                    Review.compute(
                        current, previous, t.get(0), t.get(1), k.get(0), k.get(1), config.get()))),
        contentType);
  }

  private static LocalDate date(Map<String, List<String>> q, String name, LocalDate dflt) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? dflt : LocalDate.parse(v.get(0).trim());
  }

  /**
   * Answers when the work (on the store or stats thread) is done, never blocking the event loop.
   */
  private static void later(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      CompletableFuture<String> body,
      String contentType) {
    req.retain();
    body.whenComplete(
        (text, err) -> {
          try {
            if (err != null) {
              log.error("statistics request {} failed: {}", req.uri(), err.toString());
              HttpResponses.error(
                  ctx,
                  req,
                  HttpResponseStatus.SERVICE_UNAVAILABLE,
                  "figures are not available right now; try again");
            } else {
              HttpResponses.send(ctx, req, HttpResponseStatus.OK, contentType, text);
            }
          } finally {
            req.release();
          }
        });
  }

  private static String resource(String name) {
    return PageResource.text(SupervisorRoutes.class, name);
  }

  /** JSON for the review API. */
  private static final class LiveStatsJson {
    static String write(Object o) {
      try {
        return org.callobjectives.protocol.Json.mapper().writeValueAsString(o);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
