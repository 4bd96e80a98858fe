package org.callobjectives.protocol;

/** The proposal was stored for the admins; {@code proposalId} is its number in the admin page. */
public record ProposalAck(String requestId, long proposalId) implements Message {}
