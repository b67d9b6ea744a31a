package io.swetraces.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The baseline every figure is compared with: what a user would write by hand. Reads JSONL shards on
 * a fixed thread pool, parses each line with Jackson, computes the tutorial's per-row features (role
 * counts, tool names, patch files/additions/deletions/extensions, {@code traj_tokens} of the joined
 * message texts with plain jtokkit) and keeps nothing but totals. Prints one JSON line.
 */
@Command(name = "naive-loop", mixinStandardHelpOptions = true,
    description = "Jackson parse, tutorial features and plain jtokkit counts over JSONL shards.")
public final class NaiveLoop implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  private static final Pattern FUNC_XML =
      Pattern.compile("<function\\s*=\\s*([a-zA-Z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXEC_TAG = Pattern.compile("<(execute_[a-z]+)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BASH_FENCE = Pattern.compile("```(?:bash|sh|shell)\\b", Pattern.CASE_INSENSITIVE);

  @Option(names = "--input", required = true, description = "Folder of .jsonl shards.")
  Path input;

  @Option(names = "--threads", defaultValue = "2", description = "Worker threads. Default: ${DEFAULT-VALUE}.")
  int threads;

  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();
  private final AtomicLong toolCalls = new AtomicLong();
  private final AtomicLong patchLines = new AtomicLong();

  public static void main(String[] args) {
    System.exit(new CommandLine(new NaiveLoop()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(input)) {
      files = list.filter(f -> f.toString().endsWith(".jsonl")).sorted().collect(Collectors.toList());
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = files.stream().map(f -> pool.submit(() -> readFile(f))).collect(Collectors.toList());
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rows", rows.get());
    result.put("bytes", bytes);
    result.put("seconds", seconds);
    result.put("trajTokens", tokens.get());
    result.put("toolCalls", toolCalls.get());
    result.put("patchLines", patchLines.get());
    System.out.println(MAPPER.writeValueAsString(result));
    return 0;
  }

  private void readFile(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          row(MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void row(JsonNode ex) {
    JsonNode traj = ex.has("messages") ? ex.get("messages") : ex.path("trajectory");
    Map<String, Integer> roles = new HashMap<>();
    Map<String, Integer> tools = new HashMap<>();
    StringBuilder full = new StringBuilder();
    boolean first = true;
    for (JsonNode msg : traj) {
      String role = msg.path("role").asText("unknown");
      roles.merge(role, 1, Integer::sum);
      String text = text(msg);
      if (!first) {
        full.append('\n');
      }
      first = false;
      full.append(text);
      for (JsonNode call : msg.path("tool_calls")) {
        String name = call.path("function").path("name").asText("");
        if (!name.isEmpty()) {
          tools.merge(name, 1, Integer::sum);
        }
      }
      if ("tool".equals(role) && msg.hasNonNull("name")) {
        tools.merge(msg.get("name").asText(), 1, Integer::sum);
      }
      if ("assistant".equals(role)) {
        Matcher m = FUNC_XML.matcher(text);
        while (m.find()) {
          tools.merge(m.group(1).toLowerCase(), 1, Integer::sum);
        }
        m = EXEC_TAG.matcher(text);
        while (m.find()) {
          tools.merge(m.group(1).toLowerCase(), 1, Integer::sum);
        }
        if (BASH_FENCE.matcher(text).find()) {
          tools.merge("bash_block", 1, Integer::sum);
        }
      }
    }
    int[] patch = patch(ex.path("model_patch").asText(""));
    rows.incrementAndGet();
    tokens.addAndGet(full.length() == 0 ? 0 : CL100K.countTokensOrdinary(full.toString()));
    toolCalls.addAndGet(tools.values().stream().mapToInt(Integer::intValue).sum());
    patchLines.addAndGet(patch[0] + patch[1] + patch[2]);
  }

  private static String text(JsonNode msg) {
    JsonNode content = msg.get("content");
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isArray()) {
      return StreamSupport.stream(content.spliterator(), false)
          .map(b -> b.isTextual() ? b.asText() : b.path("text").asText(b.path("content").asText("")))
          .filter(s -> !s.isEmpty())
          .collect(Collectors.joining("\n"));
    }
    return content.isTextual() ? content.asText() : content.toString();
  }

  /** Files, additions and deletions of a unified diff, as the tutorial counts them. */
  private static int[] patch(String diff) {
    int files = 0;
    int added = 0;
    int deleted = 0;
    Map<String, Integer> extensions = new HashMap<>();
    for (String line : diff.split("\r\n|\r|\n")) {
      if (line.startsWith("diff --git")) {
        String[] parts = line.split("\\s+");
        if (parts.length >= 3) {
          String path = parts[2].startsWith("a/") ? parts[2].substring(2) : parts[2];
          files++;
          String base = path.substring(path.lastIndexOf('/') + 1);
          if (base.contains(".")) {
            extensions.merge(base.substring(base.lastIndexOf('.') + 1).toLowerCase(), 1, Integer::sum);
          }
        }
      } else if (line.startsWith("+") && !line.startsWith("+++")) {
        added++;
      } else if (line.startsWith("-") && !line.startsWith("---")) {
        deleted++;
      }
    }
    return new int[] {files, added, deleted};
  }
}
