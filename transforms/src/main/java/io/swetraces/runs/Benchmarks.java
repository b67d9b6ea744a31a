package io.swetraces.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The SWE benchmarks' instance lists, bundled (each file says where it was taken from and when):
 * which benchmark a run's instance is a task of, and so the Hugging Face dataset and the language
 * of a run that does not state them.
 */
public final class Benchmarks {
  private static final String VERIFIED = "princeton-nlp/SWE-bench_Verified";
  private static final String FULL = "princeton-nlp/SWE-bench";

  private Benchmarks() {}

  /** The instance ids of a bundled list, e.g. {@code swe-bench-verified}. */
  public static Set<String> instances(String list) {
    return Lists.get(list);
  }

  /** The SWE-bench dataset a test instance is from (Verified before the full set), or null. */
  public static @Nullable String datasetOf(@Nullable String instanceId) {
    if (instanceId == null) {
      return null;
    }
    if (instances("swe-bench-verified").contains(instanceId)) {
      return VERIFIED;
    }
    return instances("swe-bench-test").contains(instanceId) ? FULL : null;
  }

  /** The language of a Hugging Face SWE-bench dataset's tasks: SWE-bench's are Python repositories. */
  public static @Nullable String languageOfDataset(@Nullable String dataset) {
    return dataset != null && dataset.startsWith(FULL) ? "python" : null;
  }

  /**
   * The SWE-bench dataset an SWE-agent run folder's data name says
   * ({@code gpt4__swe-bench-dev-easy__default__t-0.00…}): its split need not be one of the bundled lists.
   */
  static @Nullable String datasetOfRunData(@Nullable String data) {
    if (data == null || !data.toLowerCase(Locale.ROOT).matches("swe-?bench.*")) {
      return null;
    }
    String d = data.toLowerCase(Locale.ROOT);
    return d.contains("verified") ? VERIFIED : d.contains("lite") ? FULL + "_Lite" : FULL;
  }

  /** Lists read once, on first use. */
  private static final class Lists {
    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    static Set<String> get(String list) {
      return CACHE.computeIfAbsent(list, Lists::read);
    }

    private static Set<String> read(String list) {
      String resource = "/io/swetraces/benchmarks/" + list + ".txt";
      try (InputStream in = Benchmarks.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no bundled benchmark list " + resource);
        }
        Set<String> ids = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String id = line.strip();
          if (!id.isEmpty() && !id.startsWith("#")) {
            ids.add(id);
          }
        }
        return Set.copyOf(ids);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
