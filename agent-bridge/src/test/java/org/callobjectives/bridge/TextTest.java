package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TextTest {

  @Test
  void escape_sequences_bells_carriage_returns_and_direction_overrides_are_removed() {
    assertEquals("Jane RED Doe", Text.clean("Jane \u001B[31mRED\u001B[0m Doe"));
    assertEquals("Jane", Text.clean("Ja\u001B]0;new window title\u0007ne"));
    assertEquals("Jane", Text.clean("Ja\u001B]8;;http://x\u001B\\ne"));
    assertEquals("a b", Text.clean("a\rb"));
    assertEquals("ab", Text.clean("a\u0007\u0008b\u009B2J"));
    assertEquals("evil.exe", Text.clean("evil\u202E.exe"));
    assertEquals("caf\u00e9 \u4e2d", Text.clean("caf\u00e9 \u4e2d"));
    assertNull(Text.clean(null));
  }

  @Test
  void codes_are_found_by_their_key_or_their_name_and_fall_back_to_the_position() {
    var codes = TerminalOverPtyTest.codes();
    assertEquals("NO_ADVANCE", Codes.find(codes, "3").orElseThrow().code());
    assertEquals("NO_ADV", Codes.find(codes, "no_adv").orElseThrow().code());
    assertEquals(true, Codes.find(codes, "2").isEmpty());
    var old = SampleCalls.salesCall().dispositionCodes(); // key 0: an older server
    assertEquals("NI", Codes.find(old, "3").orElseThrow().code());
    assertEquals("1, 2, 3, 4", Codes.keys(old));
    assertEquals(
        List.of(1, 3, 4, 7),
        List.of(
            Codes.key(codes, 0), Codes.key(codes, 1), Codes.key(codes, 2), Codes.key(codes, 3)));
    assertNull(Codes.mismatch(codes, "NO_ADVANCE", false));
    assertEquals(
        "SALE means an advance was obtained: set \"advance obtained\" to yes, or pick another code",
        Codes.mismatch(codes, "SALE", false));
  }
}
