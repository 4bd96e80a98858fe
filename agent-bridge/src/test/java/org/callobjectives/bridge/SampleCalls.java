package org.callobjectives.bridge;

import java.util.List;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.ObjectiveView;

/** Realistic pops for tests. */
final class SampleCalls {
  private SampleCalls() {}

  static CallStarted salesCall() {
    ObjectiveView objective =
        new ObjectiveView(
            "fibre-upgrade",
            "Fibre upgrade for existing DSL customers",
            "Customer books a fibre installation date",
            "Installation appointment booked in the CRM",
            "Before the end of this call",
            List.of(
                new ChecklistItem(
                    "recording",
                    "Tell the caller the call is recorded",
                    ChecklistKind.COMPLIANCE,
                    true),
                new ChecklistItem(
                    "identity", "Verify identity (DOB + postcode)", ChecklistKind.COMPLIANCE, true),
                new ChecklistItem(
                    "needs", "Ask about current speed problems", ChecklistKind.QUALITY, false),
                new ChecklistItem("tv", "Offer the TV bundle", ChecklistKind.UPSELL, false)));
    return new CallStarted(
        "1700000000.42",
        CallStarted.INBOUND,
        "sales",
        "+44 20 7946 0958",
        "Jane Doe",
        1_700_000_000_000L,
        objective,
        List.of(
            new DispositionCode("SALE", "Sale", true, true, false, false, false, true),
            new DispositionCode("CALLBK", "Call back", false, true, false, true, false, false),
            new DispositionCode("NI", "Not interested", false, true, true, false, false, true),
            new DispositionCode("DNC", "Do not call", false, true, false, false, true, true)),
        false);
  }

  /** 1 Dec 2026, 10:30 UTC: when the sample commitment was agreed. */
  static final long AGREED_AT = 1_796_121_000_000L;

  /** What the customer agreed to on an earlier call, asked about on this one. */
  static Commitment usageFigures() {
    return new Commitment(
        "1700000000.11",
        "1002",
        "fibre-upgrade",
        "Customer sends the last 3 months' usage figures",
        "Within a week",
        "Did they send the usage figures?",
        AGREED_AT);
  }

  /** {@code c} with its objective asking about {@code commitment}. */
  static CallStarted withCommitment(CallStarted c, Commitment commitment) {
    var o = c.objective();
    return new CallStarted(
        c.callId(),
        c.direction(),
        c.queue(),
        c.callerNumber(),
        c.callerName(),
        c.connectedAtMillis(),
        o.forCall(o.stage(), o.lastCall(), o.secondary(), commitment),
        c.dispositionCodes(),
        c.replay(),
        c.screenPopUrl());
  }

  /** The sales call, asking whether the customer sent their usage figures. */
  static CallStarted salesCallWithCommitment() {
    return withCommitment(salesCall(), usageFigures());
  }
}
