package org.callobjectives.server.objectives.lint;

import java.util.PriorityQueue;
import java.util.Queue;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * OpenNLP's beam search (opennlp.tools.ml.BeamSearch, same candidates, same scores, same order),
 * finding each step's k best outcomes by selection instead of sorting every outcome: the English
 * lemmatizer has 860 outcomes, and sorting them three times per word was most of the objective
 * check's time. Given a {@link StepKey} (what a step's context depends on), each step's best
 * outcomes are kept for the next time the same word comes in the same context. Not thread-safe (one
 * per thread, like OpenNLP's tools).
 */
final class TopKBeamSearch implements SequenceClassificationModel {
  private static final double ZERO_LOG = -100000;

  /** What a step's features are made of, as one string; equal keys give equal features. */
  interface StepKey {
    String of(int i, Object[] sequence, String[] outcomes, Object[] additionalContext);
  }

  /** A step's outcomes that stay in the beam (score at least the k-th best), in outcome order. */
  private record Best(int[] outcomes, double[] scores) {}

  private final int size;
  private final MaxentModel model;
  private final double[] probs;
  private final double[] top;
  private final StepKey key;
  private final java.util.Map<String, Best> seen;

  TopKBeamSearch(int size, MaxentModel model) {
    this(size, model, null, 0);
  }

  TopKBeamSearch(int size, MaxentModel model, StepKey key, int remember) {
    if (size < 1) {
      throw new IllegalArgumentException("beam size must be at least 1: " + size);
    }
    this.size = size;
    this.model = model;
    this.probs = new double[model.getNumOutcomes()];
    this.top = new double[size];
    this.key = remember > 0 ? key : null;
    this.seen =
        new java.util.LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(java.util.Map.Entry<String, Best> eldest) {
            return size() > remember;
          }
        };
  }

  /** Forgets the steps seen so far. */
  void forget() {
    seen.clear();
  }

  @Override
  public <T> Sequence[] bestSequences(
      int numSequences,
      T[] sequence,
      Object[] additionalContext,
      double minSequenceScore,
      BeamSearchContextGenerator<T> cg,
      SequenceValidator<T> validator) {
    Queue<Sequence> prev = new PriorityQueue<>(size);
    Queue<Sequence> next = new PriorityQueue<>(size);
    prev.add(new Sequence());
    Object[] context = additionalContext == null ? new Object[0] : additionalContext;
    for (int i = 0; i < sequence.length; i++) {
      int sz = Math.min(size, prev.size());
      for (int sc = 0; !prev.isEmpty() && sc < sz; sc++) {
        Sequence candidate = prev.remove();
        String[] outcomes = candidate.getOutcomes().toArray(new String[0]);
        String k = key == null ? null : key.of(i, sequence, outcomes, context);
        Best best = k == null ? null : seen.get(k);
        if (best == null) {
          best = best(model.eval(cg.getContext(i, sequence, outcomes, context), probs));
          if (k != null) {
            seen.put(k, best);
          }
        }
        for (int b = 0; b < best.outcomes().length; b++) {
          extend(
              next,
              candidate,
              i,
              sequence,
              outcomes,
              best.outcomes()[b],
              best.scores()[b],
              minSequenceScore,
              validator);
        }
        if (next.isEmpty()) { // nothing advanced: advance every valid outcome
          double[] scores = model.eval(cg.getContext(i, sequence, outcomes, context), probs);
          for (int p = 0; p < scores.length; p++) {
            extend(
                next, candidate, i, sequence, outcomes, p, scores[p], minSequenceScore, validator);
          }
        }
      }
      prev.clear();
      Queue<Sequence> t = prev;
      prev = next;
      next = t;
    }
    int n = Math.min(numSequences, prev.size());
    Sequence[] out = new Sequence[n];
    for (int k = 0; k < n; k++) {
      out[k] = prev.remove();
    }
    return out;
  }

  private <T> void extend(
      Queue<Sequence> next,
      Sequence candidate,
      int i,
      T[] sequence,
      String[] outcomes,
      int p,
      double score,
      double minSequenceScore,
      SequenceValidator<T> validator) {
    String out = model.getOutcome(p);
    if (validator.validSequence(i, sequence, outcomes, out)) {
      Sequence ns = new Sequence(candidate, out, score);
      if (ns.getScore() > minSequenceScore) {
        next.add(ns);
      }
    }
  }

  /** The outcomes scoring at least the k-th best, in outcome order, with their scores. */
  private Best best(double[] scores) {
    double min = kthLargest(scores);
    int n = 0;
    for (double sc : scores) {
      if (sc >= min) {
        n++;
      }
    }
    int[] outcomes = new int[n];
    double[] kept = new double[n];
    int j = 0;
    for (int p = 0; p < scores.length; p++) {
      if (scores[p] >= min) {
        outcomes[j] = p;
        kept[j++] = scores[p];
      }
    }
    return new Best(outcomes, kept);
  }

  /**
   * The {@code size}-th largest score, duplicates counted (the smallest of all when there are
   * fewer): what sorting ascending and taking index {@code length - size} gives, in the sort's own
   * order (Double.compare: NaN above everything, -0.0 below 0.0).
   */
  double kthLargest(double[] scores) {
    int k = Math.min(size, scores.length);
    int n = 0; // top[0..n) holds the largest seen so far, ascending
    for (double s : scores) {
      if (n < k) {
        int j = n++;
        while (j > 0 && Double.compare(top[j - 1], s) > 0) {
          top[j] = top[j - 1];
          j--;
        }
        top[j] = s;
      } else if (Double.compare(s, top[0]) > 0) {
        int j = 0;
        while (j + 1 < k && Double.compare(top[j + 1], s) < 0) {
          top[j] = top[j + 1];
          j++;
        }
        top[j] = s;
      }
    }
    return top[0];
  }

  @Override
  public <T> Sequence[] bestSequences(
      int numSequences,
      T[] sequence,
      Object[] additionalContext,
      BeamSearchContextGenerator<T> cg,
      SequenceValidator<T> validator) {
    return bestSequences(numSequences, sequence, additionalContext, ZERO_LOG, cg, validator);
  }

  @Override
  public <T> Sequence bestSequence(
      T[] sequence,
      Object[] additionalContext,
      BeamSearchContextGenerator<T> cg,
      SequenceValidator<T> validator) {
    Sequence[] s = bestSequences(1, sequence, additionalContext, cg, validator);
    return s.length > 0 ? s[0] : null;
  }

  @Override
  public String[] getOutcomes() {
    String[] out = new String[model.getNumOutcomes()];
    for (int i = 0; i < out.length; i++) {
      out[i] = model.getOutcome(i);
    }
    return out;
  }
}
