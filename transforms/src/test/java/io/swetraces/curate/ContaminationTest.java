package io.swetraces.curate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.swetraces.model.BenchmarkTask;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.TrajectoryParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** Tasks of the bundled benchmark lists, however a dataset spells them. */
public class ContaminationTest {
  private final Contamination contamination = new Contamination();

  @Test
  public void byInstanceIdWithAnExtractorSuffixOrAnotherCase() {
    assertEquals("swe-bench-verified:instance_id", contamination.match("django__django-11138", null));
    assertEquals("swe-bench-verified:instance_id", contamination.match("django__django-11138_3", null));
    assertEquals("multi-swe-bench:instance_id", contamination.match("FasterXML__jackson-databind-4048", null));
  }

  @Test
  public void byRepositoryAndIssueNumber() {
    assertEquals("swe-bench-verified:repo_issue", contamination.match("django-django-11138", "django/django"));
    assertEquals("swe-bench-lite:repo_issue", contamination.match("other__name-15781", "django/django"));
  }

  @Test
  public void otherTasksAreClean() {
    assertNull(contamination.match("python-attrs__attrs-770", "python-attrs/attrs"));
    assertNull(contamination.match("arrow-py__arrow.1d70d009.lm_rewrite__nuzjfyur", "arrow-py/arrow"));
    assertNull(contamination.match(null, null));
  }

  /** A real row (a Multi-SWE-bench-style task none of the bundled lists holds), with a patch. */
  private static Trajectory realRow() throws Exception {
    String line = Files.readAllLines(Path.of("..", "src", "sample", "planted-curation.jsonl"), StandardCharsets.UTF_8)
        .get(0);
    Trajectory t = new TrajectoryParser(null, null).parse("planted", 0, line);
    return t.toBuilder().setModelPatch(PATCH).build();
  }

  private static final String PATCH = "diff --git a/src/libponyc/expr/match.c b/src/libponyc/expr/match.c\n"
      + "--- a/src/libponyc/expr/match.c\n+++ b/src/libponyc/expr/match.c\n@@ -314,6 +314,12 @@\n"
      + "   ast_t* pattern_type = ast_type(pattern);\n"
      + "+  if(ast_id(pattern) == TK_TUPLE && ast_childcount(pattern) == 1)\n"
      + "+  {\n+    // A single element tuple pattern is the element itself.\n"
      + "+    pattern = ast_child(pattern);\n+    pattern_type = ast_type(pattern);\n+  }\n";

  private static String issueOf(Trajectory t) {
    String first = t.getMessages().stream().filter(m -> m.getRole().equals("user")).findFirst().orElseThrow()
        .getContent();
    return first.substring(first.indexOf("<issue_description>") + 19, first.indexOf("</issue_description>"));
  }

  @Test
  public void givenBenchmarkTasksMatchByTheirStatementOrGoldPatchUnderAnotherId() throws Exception {
    Trajectory t = realRow();
    assertNull(contamination.match(t));
    BenchmarkTask statement = BenchmarkTask.of("renamed-bench", "someone__else-7", "someone/else", issueOf(t), null);
    assertEquals("renamed-bench:statement_overlap", new Contamination(List.of(statement)).match(t));

    // The gold patch's changes within the agent's own (other hunk positions, more changes): the same task.
    String gold = PATCH.replace("@@ -314,6 +314,12 @@", "@@ -310,6 +310,9 @@")
        .replace("+    pattern_type = ast_type(pattern);\n", "");
    BenchmarkTask patch = BenchmarkTask.of("renamed-bench", "someone__else-8", "someone/else", null, gold);
    assertEquals("renamed-bench:patch_overlap", new Contamination(List.of(patch)).match(t));

    BenchmarkTask byId = BenchmarkTask.of("my-bench", "PONYLANG__ponyc-1", null, null, null);
    assertEquals("my-bench:instance_id", new Contamination(List.of(byId)).match(t));
    BenchmarkTask byIssue = BenchmarkTask.of("my-bench", "pony-1", "ponylang/ponyc", null, null);
    assertEquals("my-bench:repo_issue", new Contamination(List.of(byIssue)).match(t));
  }

  @Test
  public void anotherTaskOfTheSameRepositoryDoesNotMatch() throws Exception {
    Trajectory t = realRow();
    String statement = "ponyc crashes when compiling a class with a generic constraint on a trait that has a default"
        + " method with the same name as a field of the class; the compiler should report an error instead of"
        + " an assertion failure in the type checker";
    String other = "diff --git a/src/libponyc/type/subtype.c b/src/libponyc/type/subtype.c\n"
        + "+  if(ast_id(sub) == TK_NOMINAL && is_bare(sub))\n+    return false;\n"
        + "+  // bare lambdas are never subtypes of a trait\n+  pattern_type = ast_type(pattern);\n";
    Contamination c = new Contamination(
        List.of(BenchmarkTask.of("my-bench", "ponylang__ponyc-2", "ponylang/ponyc", statement, other)));
    assertNull(c.match(t));
  }
}
