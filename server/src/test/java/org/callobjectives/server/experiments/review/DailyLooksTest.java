package org.callobjectives.server.experiments.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.callobjectives.server.experiments.Arm;
import org.callobjectives.server.store.ExperimentStore.ExperimentCount;
import org.junit.jupiter.api.Test;

/** Quarter-hour counts fold into cumulative looks per local day, the control first. */
class DailyLooksTest {
  static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu"); // +05:45: quarter hours matter

  private static long at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), KATHMANDU)
        .toInstant()
        .toEpochMilli();
  }

  @Test
  void countsAddUpDayByDayInTheServersTimeZoneAndUnknownVariantsAreLeftOut() {
    List<DailyLooks.Look> looks =
        DailyLooks.of(
            List.of(
                new ExperimentCount("B", at("2026-12-01T23:45:00"), 2, 1),
                new ExperimentCount("A", at("2026-12-01T09:00:00"), 3, 1),
                new ExperimentCount("A", at("2026-12-02T00:00:00"), 1, 1),
                new ExperimentCount("renamed", at("2026-12-02T00:00:00"), 9, 9),
                new ExperimentCount("B", at("2026-12-04T12:15:00"), 1, 0)),
            List.of("A", "B"),
            KATHMANDU);
    assertEquals(3, looks.size());
    assertEquals(LocalDate.of(2026, 12, 1), looks.get(0).day());
    assertEquals(List.of(new Arm("A", 3, 1), new Arm("B", 2, 1)), looks.get(0).arms());
    assertEquals(List.of(new Arm("A", 4, 2), new Arm("B", 2, 1)), looks.get(1).arms());
    assertEquals(LocalDate.of(2026, 12, 4), looks.get(2).day());
    assertEquals(List.of(new Arm("A", 4, 2), new Arm("B", 3, 1)), looks.get(2).arms());
  }
}
