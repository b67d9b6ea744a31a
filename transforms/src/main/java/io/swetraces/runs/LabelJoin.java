package io.swetraces.runs;

import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives a run's trajectory the label and the patch its evaluation files hold for its instance. A
 * file applies when it belongs to the trajectory's run folder or was given with {@code --labels}.
 * Verdicts rank: given files, then the per-instance {@code report.json}, then the run's {@code
 * results.json}; the first ranked verdict wins, and a trajectory whose applicable verdicts disagree
 * counts as a conflict. A trajectory without a patch takes a prediction's, given files first.
 */
public final class LabelJoin {
  private static final Map<String, Integer> RANK =
      Map.of(LabelSource.GIVEN, 0, LabelSource.INSTANCE_REPORT, 1, LabelSource.RUN_RESULTS, 2);

  /** The trajectory as labelled, and whether its verdicts disagreed. */
  public record Joined(Trajectory trajectory, boolean conflict) {}

  private LabelJoin() {}

  public static Joined apply(Trajectory t, Iterable<RunLabel> labels) {
    List<RunLabel> applicable = StreamSupport.stream(labels.spliterator(), false)
        .filter(l -> l.getRun().isEmpty() || l.getRun().equals(t.getRun()))
        .sorted(Comparator.comparing(RunLabel::getRun)
            .thenComparing(RunLabel::getSource).thenComparing(RunLabel::getResolved)
            .thenComparing(l -> l.getPatch() == null ? "" : l.getPatch()))
        .toList();
    Trajectory.Builder out = t.toBuilder();
    RunLabel verdict = applicable.stream()
        .filter(l -> l.getResolved() >= 0)
        .min(Comparator.comparing((RunLabel l) -> RANK.getOrDefault(l.getSource(), RANK.size())))
        .orElse(null);
    if (verdict != null) {
      out.setResolved(verdict.getResolved()).setLabelSource(verdict.getSource());
    }
    if (t.getModelPatch() == null) {
      out.setModelPatch(predictedPatch(applicable));
    }
    boolean conflict = applicable.stream().filter(l -> l.getResolved() >= 0).map(RunLabel::getResolved)
        .distinct().count() > 1;
    return new Joined(out.build(), conflict);
  }

  /** The first prediction's patch: given files (run "") sort first. */
  private static @Nullable String predictedPatch(List<RunLabel> applicable) {
    return applicable.stream()
        .filter(l -> RunLabel.PREDICTIONS.equals(l.getSource()) && l.getPatch() != null)
        .map(RunLabel::getPatch)
        .findFirst()
        .orElse(null);
  }
}
