package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;

import io.swetraces.io.OutputDir;
import io.swetraces.io.TraceSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.values.PValue;
import org.junit.Test;

/**
 * The picture of the graph in {@code docs/design.md} is drawn from the graph {@link
 * SweTracesPipeline#build} makes: its six steps and the composites inside them, with the
 * collections flowing between them (dashed: read as a side input). A change to the graph fails here
 * until the picture is redrawn with {@code -Dswetraces.docs.update=true}.
 */
public class DesignGraphTest {
  private static final Path DESIGN = Path.of("..", "docs", "design.md");
  private static final String BEGIN = "```mermaid\n";
  private static final String END = "```\n";

  @Test
  public void theDesignDocumentDrawsTheGraphAsBuilt() throws Exception {
    String drawn = mermaid();
    if (Boolean.getBoolean("swetraces.docs.update")) {
      String doc = Files.readString(DESIGN, StandardCharsets.UTF_8);
      Files.writeString(DESIGN, doc.substring(0, start(doc)) + drawn + doc.substring(end(doc)), StandardCharsets.UTF_8);
    }
    String doc = Files.readString(DESIGN, StandardCharsets.UTF_8);
    assertEquals("docs/design.md is behind the graph", drawn, doc.substring(start(doc), end(doc)));
  }

  private static int start(String doc) {
    return doc.indexOf(BEGIN) + BEGIN.length();
  }

  private static int end(String doc) {
    return doc.indexOf(END, start(doc));
  }

  /** The graph as a Mermaid flowchart: a box per step holding a node per composite inside it. */
  static String mermaid() {
    SweTracesOptions options =
        PipelineOptionsFactory.fromArgs("--runner=DirectRunner").as(SweTracesOptions.class);
    RunnerTuning.resolveReads(options);
    Pipeline p = Pipeline.create(options);
    SweTracesPipeline.build(p, options, List.of(TraceSource.of("in/*.jsonl")), OutputDir.at("out"));

    Map<String, Set<String>> steps = new LinkedHashMap<>();
    Map<PValue, String> producers = new HashMap<>();
    Set<String> edges = new LinkedHashSet<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        String part = part(node.getFullName());
        String[] names = part.split("/");
        steps.computeIfAbsent(names[0], s -> new LinkedHashSet<>()).add(part);
        // A node's inputs come in no fixed order: its edges are sorted.
        Set<String> in = new TreeSet<>();
        for (PValue input : node.getInputs().values()) {
          String from = producers.get(input);
          if (from != null && !from.equals(part)) {
            boolean side = node.getTransform() != null
                && node.getTransform().getAdditionalInputs().containsValue(input);
            in.add(id(from) + (side ? " -.-> " : " --> ") + id(part));
          }
        }
        edges.addAll(in);
        node.getOutputs().values().forEach(v -> producers.put(v, part));
      }
    });

    StringBuilder out = new StringBuilder("flowchart TB\n");
    steps.forEach((step, parts) -> {
      out.append("  subgraph ").append(id(step)).append("[\"").append(step).append("\"]\n");
      for (String part : parts) {
        out.append("    ").append(id(part)).append("[\"")
            .append(part.contains("/") ? part.substring(part.indexOf('/') + 1) : part).append("\"]\n");
      }
      out.append("  end\n");
    });
    edges.forEach(e -> out.append("  ").append(e).append('\n'));
    return out.toString();
  }

  /** A transform's step and, inside it, the composite it belongs to: the first two names of its path. */
  private static String part(String fullName) {
    String[] names = fullName.split("/");
    return names.length == 1 ? names[0] : names[0] + "/" + names[1];
  }

  private static String id(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_");
  }
}
