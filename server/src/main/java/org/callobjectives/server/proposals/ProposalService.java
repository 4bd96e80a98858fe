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

  /**
   * A handful a day is what agents propose: 20 waiting for an admin and 50 in any 24 hours per
   * agent leave room for a keen one and keep a flood from filling the database.
   */
  public static final Proposals.Quota QUOTA = new Proposals.Quota(20, 50);

  private final Proposals proposals;
  private final Supplier<Config> config;
  private final Clock clock;
  private final Proposals.Quota quota;
  private final java.util.concurrent.atomic.AtomicLong overQuota =
      new java.util.concurrent.atomic.AtomicLong();

  public ProposalService(Proposals proposals, Supplier<Config> config, Clock clock) {
    this(proposals, config, clock, QUOTA);
  }

  public ProposalService(
      Proposals proposals, Supplier<Config> config, Clock clock, Proposals.Quota quota) {
    this.proposals = proposals;
    this.config = config;
    this.clock = clock;
    this.quota = quota;
  }

  /** Proposals refused since start because the agent's quota was full. */
  public long overQuota() {
    return overQuota.get();
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
        .add(agentId, p.objectiveId(), text, p.requestId(), clock.millis(), quota)
        .whenComplete(
            (added, err) -> {
              if (err == null && added instanceof Proposals.Added.OverQuota over) {
                // About one a minute per agent at most: the rate limit in front sees to that.
                overQuota.incrementAndGet();
                log.info("agent {}: proposal not stored: {}", agentId, over.why());
                reply.accept(
                    new ErrorMessage(
                        ErrorMessage.QUOTA_EXCEEDED,
                        over.why(),
                        p.requestId(),
                        over.retryAfterMillis()));
              } else if (err != null) {
                log.error("proposal from agent {} not stored: {}", agentId, err.toString());
                reply.accept(
                    new ErrorMessage(
                        ErrorMessage.STORE_FAILED,
                        "the proposal could not be stored; send it again",
                        p.requestId()));
              } else {
                long id = ((Proposals.Added.Stored) added).id();
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
