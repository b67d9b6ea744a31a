package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What makes a trajectory a training example, checked in the tutorial's order; the first test that
 * fails names the drop reason.
 */
public final class SftCriteria implements Serializable {
  public static final String UNRESOLVED = "unresolved";
  public static final String OVER_BUDGET = "over_token_budget";
  public static final String LANGUAGE = "language_not_selected";
  public static final String EMPTY_PATCH = "empty_patch";
  /** The tutorial's own reasons; the others are the integrity stages'. */
  public static final List<String> TUTORIAL_REASONS = List.of(UNRESOLVED, OVER_BUDGET, LANGUAGE, EMPTY_PATCH);

  /**
   * Every drop reason, in the order they are checked: the per-row integrity stages', the tutorial's,
   * then the duplicates among the examples left.
   */
  public static final List<String> REASONS = List.of(RedactSecrets.DROP_REASON, CountTokens.TEMPLATE_ERROR, ValidateToolCalls.REASON,
      Decontaminate.REASON, UNRESOLVED, OVER_BUDGET, LANGUAGE, EMPTY_PATCH, Deduplicate.DUPLICATE,
      Deduplicate.NEAR_DUPLICATE, Deduplicate.PER_INSTANCE);

  private final boolean requireResolved;
  private final long maxTokens;
  private final TokenBudget budgetOn;
  private final @Nullable TreeSet<String> languages;

  private SftCriteria(
      boolean requireResolved, long maxTokens, TokenBudget budgetOn, @Nullable Set<String> languages) {
    this.requireResolved = requireResolved;
    this.maxTokens = maxTokens;
    this.budgetOn = budgetOn;
    this.languages = languages == null ? null : new TreeSet<>(languages);
  }

  /** The tutorial's defaults, with the budget on the rendered SFT text. */
  public static SftCriteria defaults() {
    return new SftCriteria(true, 32_000, TokenBudget.SFT_TOKENS, null);
  }

  public SftCriteria withRequireResolved(boolean requireResolved) {
    return new SftCriteria(requireResolved, maxTokens, budgetOn, languages);
  }

  public SftCriteria withMaxTokens(long maxTokens) {
    return new SftCriteria(requireResolved, maxTokens, budgetOn, languages);
  }

  public SftCriteria withBudgetOn(TokenBudget budgetOn) {
    return new SftCriteria(requireResolved, maxTokens, budgetOn, languages);
  }

  /** Keeps only these (lower-case) languages; null keeps all. */
  public SftCriteria withLanguages(@Nullable Set<String> languages) {
    return new SftCriteria(requireResolved, maxTokens, budgetOn, languages);
  }

  /** Why the trajectory is not a training example, or null when it is one. Needs token counts. */
  public @Nullable String dropReason(Trajectory t) {
    if (requireResolved && t.getResolved() != 1) {
      return UNRESOLVED;
    }
    if (t.getTokenCounts() == null) {
      throw new IllegalStateException("FilterSft needs CountTokens applied first");
    }
    if (budgetOn.of(t.getTokenCounts()) > maxTokens) {
      return OVER_BUDGET;
    }
    if (languages != null && !languages.contains(t.getLanguage())) {
      return LANGUAGE;
    }
    if (!t.hasPatch()) {
      return EMPTY_PATCH;
    }
    return null;
  }

  @Override
  public String toString() {
    return "requireResolved=" + requireResolved + ", maxTokens=" + maxTokens + " on " + budgetOn
        + ", languages=" + (languages == null ? "all" : String.join(",", languages));
  }
}
