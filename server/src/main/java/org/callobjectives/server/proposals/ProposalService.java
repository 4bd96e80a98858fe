package org.callobjectives.server.proposals;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Proposal;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.store.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes an agent's proposal, checks it, stores it and acks after the commit. */
public final class ProposalService {
  private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

  private final Proposals proposals;
  private final Supplier<Config> config;
  private final Clock clock;

  public ProposalService(Proposals proposals, Supplier<Config> config, Clock clock) {
    this.proposals = proposals;
    this.config = config;
    this.clock = clock;
  }

  public Proposals store() {
    return proposals;
  }

  /** {@code reply} runs once: on the caller's thread for bad input, else on the store's thread. */
  public void submit(String agentId, Proposal p, Consumer<Message> reply) {
    String text = p.text() == null ? "" : p.text().strip();
    if (text.isEmpty()) {
      reply.accept(
          new ErrorMessage(ErrorMessage.BAD_REQUEST, "a proposal needs some text", p.requestId()));
      return;
    }
    if (text.length() > Proposal.MAX_TEXT) {
      reply.accept(
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST,
              "a proposal is limited to " + Proposal.MAX_TEXT + " characters",
              p.requestId()));
      return;
    }
    if (p.objectiveId() != null && config.get().objective(p.objectiveId()).isEmpty()) {
      reply.accept(
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST,
              "unknown objective '"
                  + p.objectiveId()
                  + "'; known: "
                  + config.get().objectives().keySet(),
              p.requestId()));
      return;
    }
    proposals
        .add(agentId, p.objectiveId(), text, p.requestId(), clock.millis())
        .whenComplete(
            (id, err) -> {
              if (err != null) {
                log.error("proposal from agent {} not stored: {}", agentId, err.toString());
                reply.accept(
                    new ErrorMessage(
                        ErrorMessage.STORE_FAILED,
                        "the proposal could not be stored; send it again",
                        p.requestId()));
              } else {
                log.info(
                    "agent {} proposed a change to {} (proposal #{})",
                    agentId,
                    p.objectiveId() == null ? "the targets" : p.objectiveId(),
                    id);
                reply.accept(new ProposalAck(p.requestId(), id));
              }
            });
  }
}
