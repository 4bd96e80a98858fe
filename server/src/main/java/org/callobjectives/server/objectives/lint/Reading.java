package org.callobjectives.server.objectives.lint;

/**
 * Who acts in an advance and how: the actor, the main verb (a lemma), and what makes it no advance
 * (the agent's work, a passive that hides the actor, a step that costs the customer nothing).
 */
record Reading(
    Actor actor,
    String subject,
    String verb,
    int verbAt,
    boolean imperative,
    boolean passive,
    String agentVerb,
    String lowEffort,
    String hedge) {

  /** The one who does the main action. */
  enum Actor {
    CUSTOMER,
    AGENT,
    THING,
    UNKNOWN,
    NONE
  }

  /** The customer's own step ({@code verb} at {@code verbAt}), done by {@code subject}. */
  static Reading customerStep(String subject, String verb, int verbAt) {
    return new Reading(Actor.CUSTOMER, subject, verb, verbAt, false, false, null, null, null);
  }

  /** The same reading of a statement (no instruction) with {@code actor} as {@code subject}. */
  Reading by(Actor actor, String subject) {
    return new Reading(actor, subject, verb, verbAt, false, passive, agentVerb, lowEffort, hedge);
  }

  /** The same reading of a part that starts {@code by} words into the whole sentence. */
  Reading shifted(int by) {
    return by == 0 || verbAt < 0
        ? this
        : new Reading(
            actor, subject, verb, verbAt + by, imperative, passive, agentVerb, lowEffort, hedge);
  }

  /** The same reading, hedged by {@code word} unless a hedge is already known. */
  Reading hedged(String word) {
    return hedge != null
        ? this
        : new Reading(
            actor, subject, verb, verbAt, imperative, passive, agentVerb, lowEffort, word);
  }

  boolean customerActs() {
    return actor == Actor.CUSTOMER && !passive && agentVerb == null && lowEffort == null;
  }
}
