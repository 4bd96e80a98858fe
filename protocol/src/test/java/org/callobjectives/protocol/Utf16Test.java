package org.callobjectives.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lone surrogates in messages become U+FFFD; pairs (emoji) and everything else are kept. */
class Utf16Test {
  @Test
  void aLoneSurrogateInAnyStringOfAMessageBecomesTheReplacementCharacter() throws Exception {
    DispositionSubmit d =
        (DispositionSubmit)
            Json.read(
                "{\"type\":\"disposition\",\"requestId\":\"r\\udc00\",\"callId\":\"c\","
                    + "\"code\":\"SALE\",\"advanceObtained\":true,\"upsellCount\":0,"
                    + "\"upsellNotes\":[\"a\\ud800\"],\"checklistDone\":[\"\\ud800\\ud800x\"],"
                    + "\"notes\":\"\\ud83d\\ude00 ok \\ud800\"}");
    assertEquals("r\ufffd", d.requestId());
    assertEquals(List.of("a\ufffd"), d.upsellNotes());
    assertEquals(List.of("\ufffd\ufffdx"), d.checklistDone());
    assertEquals("\ud83d\ude00 ok \ufffd", d.notes());
  }

  @Test
  void loneSurrogatesAreFoundWherePairsAreNot() {
    assertEquals(-1, Utf16.loneSurrogate("ok \ud83d\ude00"));
    assertEquals(3, Utf16.loneSurrogate("ok \ud83d"));
    assertEquals(0, Utf16.loneSurrogate("\ude00\ud83d"));
    String clean = "nothing to do";
    assertSame(clean, Utf16.wellFormed(clean));
    assertEquals("\ufffd\ud83d\ude00\ufffd", Utf16.wellFormed("\ude00\ud83d\ude00\ud83d"));
  }
}
