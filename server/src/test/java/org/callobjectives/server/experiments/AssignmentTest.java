package org.callobjectives.server.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final int CALLERS = 100_000;

  private static Assignment split(String id, int a, int b) {
    return Assignment.of(id, List.of(new Variant("A", a), new Variant("B", b)));
  }

  /** Synthetic caller numbers: UK-style mobile numbers in E.164, one after the other. */
  private static String number(int i) {
    return "+447700" + String.format("%06d", i);
  }

  @Test
  void theSameCallerGetsTheSameVariantWhateverTheNumbersFormatting() {
    Assignment a = split("exp-rewording", 50, 50);
    String v = a.variantFor("+44 7700 900123").orElseThrow();
    for (String same :
        List.of("447700900123", "+447700900123", "44-7700-900123", "(44) 7700 900 123")) {
      assertEquals(v, a.variantFor(same).orElseThrow(), same);
    }
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.variantFor(number(i)), split("exp-rewording", 50, 50).variantFor(number(i)));
    }
  }

  @Test
  void theBucketIsSha256OfExperimentAndNumberSoItSurvivesRestartsAndOtherJvms() throws Exception {
    // Computed independently of the class: first 8 bytes of SHA-256 as an unsigned number, mod
    // 10000. A pinned value too, so a change of the hashing cannot pass unnoticed.
    byte[] hash =
        MessageDigest.getInstance("SHA-256")
            .digest("exp-rewording|447700900123".getBytes(StandardCharsets.UTF_8));
    int expected =
        new BigInteger(1, Arrays.copyOf(hash, 8)).mod(BigInteger.valueOf(10_000)).intValue();
    assertEquals(expected, Assignment.bucket("exp-rewording", "447700900123"));
    assertEquals(PINNED_BUCKET, Assignment.bucket("exp-rewording", "447700900123"));
  }

  private static final int PINNED_BUCKET = 2285;

  @Test
  void aFiftyFiftySplitOverOneHundredThousandNumbersLandsWithinAHalfPercent() {
    Assignment half = split("exp-rewording", 50, 50);
    Assignment fifth = split("exp-rewording", 20, 80);
    int a = 0;
    int a20 = 0;
    for (int i = 0; i < CALLERS; i++) {
      if ("A".equals(half.variantFor(number(i)).orElseThrow())) {
        a++;
      }
      if ("A".equals(fifth.variantFor(number(i)).orElseThrow())) {
        a20++;
      }
    }
    System.out.printf("50/50 over %,d numbers: %,d A; 20/80: %,d A%n", CALLERS, a, a20);
    // One standard deviation is 158 callers for 50/50 and 126 for 20/80.
    assertTrue(Math.abs(a - 50_000) <= 500, "50/50 gave " + a + " A");
    assertTrue(Math.abs(a20 - 20_000) <= 500, "20/80 gave " + a20 + " A");
  }

  @Test
  void changingFiftyFiftyToSixtyFortyMovesOnlyTheTenPercentAtTheBoundary() {
    Assignment before = split("exp-rewording", 50, 50);
    Assignment after = split("exp-rewording", 60, 40);
    int moved = 0;
    for (int i = 0; i < CALLERS; i++) {
      String was = before.variantFor(number(i)).orElseThrow();
      String is = after.variantFor(number(i)).orElseThrow();
      if (!was.equals(is)) {
        moved++;
        assertEquals("B", was, "only B's callers next to the boundary move");
        assertEquals("A", is);
      }
    }
    System.out.printf("50/50 -> 60/40 moved %.2f %% of callers%n", 100.0 * moved / CALLERS);
    assertTrue(moved >= 9_000 && moved <= 11_000, "moved " + moved);
  }

  @Test
  void anotherExperimentNeitherReshufflesThisOneNorFollowsIt() {
    Assignment first = split("exp-rewording", 50, 50);
    String[] before = new String[10_000];
    for (int i = 0; i < before.length; i++) {
      before[i] = first.variantFor(number(i)).orElseThrow();
    }
    Assignment second = split("exp-checklist", 50, 50);
    int bothA = 0;
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i], first.variantFor(number(i)).orElseThrow());
      if ("A".equals(before[i]) && "A".equals(second.variantFor(number(i)).orElseThrow())) {
        bothA++;
      }
    }
    // Independent assignment: a quarter of callers are A in both (sd 43 of 10,000).
    assertTrue(Math.abs(bothA - 2_500) <= 200, "A in both: " + bothA);
  }

  @Test
  void aMissingOrAnonymousNumberGetsNoVariantAndFallsBackToTheControl() {
    Assignment a = split("exp-rewording", 1, 99);
    for (String none : Arrays.asList(null, "", "  ", "anonymous", "<unknown>", "Restricted", "+")) {
      assertEquals(Optional.empty(), a.variantFor(none), String.valueOf(none));
      assertEquals("A", a.variantOrControl(none));
    }
    assertEquals("A", a.control());
    assertEquals(Optional.of("447700900123"), Assignment.normalise("+44 7700 900123"));
  }

  @Test
  void eachBucketBelongsToItsVariantsRangeInOrder() {
    Assignment a =
        Assignment.of(
            "exp", List.of(new Variant("A", 20), new Variant("B", 30), new Variant("C", 50)));
    assertEquals("A", a.variantOfBucket(0));
    assertEquals("A", a.variantOfBucket(1_999));
    assertEquals("B", a.variantOfBucket(2_000));
    assertEquals("B", a.variantOfBucket(4_999));
    assertEquals("C", a.variantOfBucket(5_000));
    assertEquals("C", a.variantOfBucket(9_999));
    assertThrows(IllegalArgumentException.class, () -> a.variantOfBucket(10_000));
  }

  @Test
  void mistakesAreRefusedWithAMessageThatSaysTheFix() {
    assertMessage("needs 2 to 5", () -> Assignment.of("e", List.of(new Variant("A", 100))));
    assertMessage(
        "needs 2 to 5",
        () ->
            Assignment.of(
                "e",
                List.of(
                    new Variant("A", 20),
                    new Variant("B", 20),
                    new Variant("C", 20),
                    new Variant("D", 20),
                    new Variant("E", 10),
                    new Variant("F", 10))));
    assertMessage("add up to 90; they must add up to 100", () -> split("e", 50, 40));
    assertMessage("weight 0; each weight is a percent from 1 to 99", () -> split("e", 0, 100));
    assertMessage(
        "variant A appears twice",
        () -> Assignment.of("e", List.of(new Variant("A", 50), new Variant("A", 50))));
    assertMessage("needs an id", () -> split(" ", 50, 50));
    assertMessage(
        "has no id", () -> Assignment.of("e", List.of(new Variant("A", 50), new Variant("", 50))));
  }

  private static void assertMessage(String part, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
