package io.swetraces.pipeline;

import io.swetraces.parse.PatchCounting;
import io.swetraces.runs.RunRecords;
import io.swetraces.transforms.CurationMode;
import io.swetraces.transforms.RedactSecrets;
import io.swetraces.transforms.TokenBudget;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The options of a run as users type them, checked before anything is read or written: choices
 * (enums) in any case, with the choices listed when none matches; numbers within their bounds,
 * each refusal naming its option. Main, the Flex Template and the tests parse through here.
 */
public final class Options {
  /**
   * More shards than this only write many small or empty files (4 per shard): at 1,000 shards the
   * largest revision of Open-SWE-Traces, 43 GB, is 43 MB a shard.
   */
  static final int MAX_SHARDS = 1_000;
  /** A row limit past 2 GB is past what one Java string or array can hold. */
  static final int MAX_ROW_MEGABYTES = 2_047;

  private Options() {}

  /** Parses and checks a run's arguments; runner options come with them, as Beam reads them. */
  public static SweTracesOptions parse(String... args) {
    PipelineOptionsFactory.register(SweTracesOptions.class);
    PipelineOptionsFactory.register(ConsoleOptions.class);
    SweTracesOptions options = PipelineOptionsFactory.fromArgs(choicesInAnyCase(args))
        .withValidation()
        .as(SweTracesOptions.class);
    check(options);
    return options;
  }

  /** Refuses values out of their bounds, before the run starts. */
  static void check(SweTracesOptions o) {
    within("numShards", o.getNumShards(), 1, MAX_SHARDS);
    within("maxSftTokens", o.getMaxSftTokens(), 1, Long.MAX_VALUE);
    within("limitPerCombo", o.getLimitPerCombo(), 0, Integer.MAX_VALUE);
    within("maxRowMegabytes", o.getMaxRowMegabytes(), 1, MAX_ROW_MEGABYTES);
    within("maxPerInstance", o.getMaxPerInstance(), 0, Integer.MAX_VALUE);
    if (!(o.getNearDuplicates() >= 0 && o.getNearDuplicates() <= 1)) {
      throw new IllegalArgumentException("--nearDuplicates must be between 0 and 1, got " + o.getNearDuplicates());
    }
    if (o.getConcurrentReads() != null) {
      within("concurrentReads", o.getConcurrentReads(), 0, Integer.MAX_VALUE);
    }
    within("progressSeconds", o.as(ConsoleOptions.class).getProgressSeconds(), 1, 3_600);
    RunRecords.check(o.getFormat());
    if (o.getChatTemplate() != null && (o.getTokenizer() == null || o.getTokenizer().isBlank())) {
      throw new IllegalArgumentException("--chatTemplate needs --tokenizer: the template's text is counted with it");
    }
  }

  /** The preset's settings over the options' own: {@code TUTORIAL} is the tutorial's exact behaviour. */
  static void applyPreset(SweTracesOptions o) {
    if (o.getPreset() == CurationOptions.Preset.TUTORIAL) {
      o.setPatchCounting(PatchCounting.TUTORIAL);
      o.setBudgetOn(TokenBudget.TRAJ_TOKENS);
      o.setSecrets(RedactSecrets.Mode.OFF);
      o.setToolCalls(CurationMode.OFF);
      o.setDecontaminate(CurationMode.OFF);
      o.setDeduplicate(CurationMode.OFF);
      o.setMaxPerInstance(0);
    }
  }

  private static void within(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("--" + name + " must be "
          + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
          + ", got " + value);
    }
  }

  /**
   * {@code --name=value} for an enum option, or {@code --name=a,b} for a list of them, rewritten to
   * the constants' own spelling.
   */
  static String[] choicesInAnyCase(String[] args) {
    List<String> out = new ArrayList<>(args.length);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      Class<?> type = arg.startsWith("--") && eq > 2 ? enumOption(arg.substring(2, eq)) : null;
      if (type == null) {
        out.add(arg);
        continue;
      }
      String name = arg.substring(2, eq);
      out.add(arg.substring(0, eq + 1) + Arrays.stream(arg.substring(eq + 1).split(",", -1))
          .map(value -> constant(name, type, value)).collect(Collectors.joining(",")));
    }
    return out.toArray(new String[0]);
  }

  private static String constant(String name, Class<?> type, String value) {
    for (Object c : type.getEnumConstants()) {
      if (((Enum<?>) c).name().equalsIgnoreCase(value.trim())) {
        return ((Enum<?>) c).name();
      }
    }
    throw new IllegalArgumentException("--" + name + ": '" + value + "' is not one of "
        + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
  }

  /** The enum an option takes, alone or as a list; null for other options. */
  private static Class<?> enumOption(String name) {
    String getter = "get" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (Class<?> options : List.of(SweTracesOptions.class, ConsoleOptions.class)) {
      for (Method m : options.getMethods()) {
        if (m.getName().equals(getter) && m.getParameterCount() == 0) {
          Type type = m.getGenericReturnType();
          if (type instanceof ParameterizedType list && m.getReturnType() == List.class) {
            type = list.getActualTypeArguments()[0];
          }
          return type instanceof Class<?> c && c.isEnum() ? c : null;
        }
      }
    }
    return null;
  }
}
