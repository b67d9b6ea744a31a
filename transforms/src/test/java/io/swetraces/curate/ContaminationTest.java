package io.swetraces.curate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

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
}
