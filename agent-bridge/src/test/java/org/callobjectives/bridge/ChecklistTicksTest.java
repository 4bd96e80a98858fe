package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.callobjectives.protocol.CallStarted;
import org.junit.jupiter.api.Test;

/** Each change of the ticked checklist items is told once, for the server's live checklist. */
class ChecklistTicksTest {
  @Test
  void aTickIsToldWithTheWholeListAndOtherDraftChangesAreNot() {
    WrapUps drafts = WrapUps.inMemory();
    List<String> told = new ArrayList<>();
    drafts.onChecklistTicked((callId, done) -> told.add(callId + " " + done));
    CallStarted call = SampleCalls.salesCall();
    drafts.callStarted(call);

    drafts.updateDraft(call.callId(), d -> d.withChecklist(List.of("recording-notice")));
    drafts.updateDraft(call.callId(), d -> d.withNotes("asked about the annual plan"));
    drafts.updateDraft(call.callId(), d -> d.withChecklist(List.of("recording-notice")));
    drafts.updateDraft(
        call.callId(), d -> d.withChecklist(List.of("recording-notice", "identity")));

    assertEquals(
        List.of(
            call.callId() + " [recording-notice]", call.callId() + " [recording-notice, identity]"),
        told);
  }
}
