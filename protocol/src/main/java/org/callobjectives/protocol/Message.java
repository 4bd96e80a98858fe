package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every JSON message exchanged between the server and an agent-bridge, tagged by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = Welcome.class, name = "welcome"),
  @JsonSubTypes.Type(value = CallStarted.class, name = "call_started"),
  @JsonSubTypes.Type(value = CallEnded.class, name = "call_ended"),
  @JsonSubTypes.Type(value = DispositionSubmit.class, name = "disposition"),
  @JsonSubTypes.Type(value = DispositionAck.class, name = "disposition_ack"),
  @JsonSubTypes.Type(value = ErrorMessage.class, name = "error"),
  @JsonSubTypes.Type(value = Proposal.class, name = "proposal"),
  @JsonSubTypes.Type(value = ProposalAck.class, name = "proposal_ack"),
  @JsonSubTypes.Type(value = AgentStats.class, name = "agent_stats"),
  @JsonSubTypes.Type(value = Congratulation.class, name = "congratulation"),
  @JsonSubTypes.Type(value = AgentState.class, name = "agent_state"),
  @JsonSubTypes.Type(value = ChecklistProgress.class, name = "checklist_progress"),
  @JsonSubTypes.Type(value = ComplianceReminder.class, name = "compliance_reminder"),
})
public sealed interface Message
    permits Hello,
        Welcome,
        CallStarted,
        CallEnded,
        DispositionSubmit,
        DispositionAck,
        ErrorMessage,
        Proposal,
        ProposalAck,
        AgentStats,
        Congratulation,
        AgentState,
        ChecklistProgress,
        ComplianceReminder {}
