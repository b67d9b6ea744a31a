package io.swetraces.runs;

import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives the trajectories of one instance the labels and patches their runs' evaluation files hold.
 * A file found beside the trajectories applies to the trajectories of its own run folder. A file
 * given with {@code --labelFiles} applies to the runs whose folder has the name of its own (the
 * {@code <run>} of {@code evals/<run>/results.json} and of {@code runs/<run>/trajs/}); when none of
 * the given files' folders is named like a run of the instance, they apply to every run (one run's
 * labels kept elsewhere).
 *
 * <p>Verdicts rank: given files, then the per-instance {@code report.json}, then the run's {@code
 * results.json}; the first ranked verdict wins, and a trajectory whose applicable verdicts disagree
 * counts as a conflict. A trajectory without a patch takes a prediction's, given files first.
 */
public final class LabelJoin {
  private static final Map<String, Integer> RANK =
      Map.of(LabelSource.GIVEN, 0, LabelSource.INSTANCE_REPORT, 1, LabelSource.RUN_RESULTS, 2);
  /** The order labels are considered in: given first, then by rank, then by value, so every runner picks the same. */
  private static final Comparator<RunLabel> ORDER = Comparator.comparing((RunLabel l) -> !l.isGiven())
      .thenComparing(l -> RANK.getOrDefault(l.getSource(), RANK.size()))
      .thenComparing(RunLabel::getRun)
      .thenComparing(RunLabel::getResolved)
      .thenComparing(l -> l.getPatch() == null ? "" : l.getPatch());

  /** A trajectory as labelled, and whether its verdicts disagreed. */
  public record Joined(Trajectory trajectory, boolean conflict) {}

  private LabelJoin() {}

  /** Labels every trajectory of one instance with the labels of that instance. */
  public static List<Joined> apply(Collection<Trajectory> trajectories, Collection<RunLabel> labels) {
    Set<String> runNames = trajectories.stream().map(t -> RunPaths.fileName(String.valueOf(t.getRun())))
        .collect(Collectors.toSet());
    boolean givenByName = labels.stream().anyMatch(l -> l.isGiven() && runNames.contains(RunPaths.fileName(l.getRun())));
    List<RunLabel> ordered = labels.stream().sorted(ORDER).toList();
    return trajectories.stream().map(t -> apply(t, ordered, givenByName)).toList();
  }

  private static Joined apply(Trajectory t, List<RunLabel> ordered, boolean givenByName) {
    String run = String.valueOf(t.getRun());
    List<RunLabel> applicable = ordered.stream()
        .filter(l -> l.isGiven()
            ? !givenByName || RunPaths.fileName(l.getRun()).equals(RunPaths.fileName(run))
            : l.getRun().equals(run))
        .toList();
    Trajectory.Builder out = t.toBuilder();
    applicable.stream().filter(l -> l.getResolved() >= 0).findFirst()
        .ifPresent(verdict -> out.setResolved(verdict.getResolved()).setLabelSource(verdict.getSource()));
    if (t.getModelPatch() == null) {
      out.setModelPatch(predictedPatch(applicable));
    }
    boolean conflict = applicable.stream().filter(l -> l.getResolved() >= 0).map(RunLabel::getResolved)
        .distinct().count() > 1;
    return new Joined(out.build(), conflict);
  }

  private static @Nullable String predictedPatch(List<RunLabel> applicable) {
    return applicable.stream()
        .filter(l -> RunLabel.PREDICTIONS.equals(l.getSource()) && l.getPatch() != null)
        .map(RunLabel::getPatch)
        .findFirst()
        .orElse(null);
  }
}
