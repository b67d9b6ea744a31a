package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A TaskManager killed with SIGKILL in the middle of a job on the standalone cluster costs a
 * restart, not a row: the job finishes and writes exactly what the same job wrote without the
 * failure, no row lost and none duplicated.
 */
public class FlinkFaultToleranceIT {
  /**
   * Copies of the sample read: enough that the job runs for several seconds, so a TaskManager can be
   * killed while one stage is done and another runs (with 24, a fresh checkout's run once ended
   * before the test saw that moment).
   */
  private static final int COPIES = 48;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void jobSurvivesTheLossOfATaskManager() throws Exception {
    Path root = tmp.getRoot().toPath();
    Path input = TestInputs.copies(root.resolve("input"), COPIES);
    try (FlinkCluster cluster = FlinkCluster.start(root.resolve("flink"), 2)) {
      Path reference = root.resolve("reference");
      cluster.awaitSuccess("reference", cluster.submit("reference", args(input, reference)), Duration.ofMinutes(10));

      Path recovered = root.resolve("recovered");
      Process job = cluster.submit("recovered", args(input, recovered));
      String jobId = awaitRunningJob(cluster, job);
      String victim = taskManagerMidJob(cluster, jobId, job);
      long pid = cluster.pid(victim);
      assertEquals(0, new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor());
      cluster.awaitSuccess("recovered", job, Duration.ofMinutes(10));

      assertFalse(victim + " was killed", ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      assertEquals("FINISHED", cluster.rest("/jobs/" + jobId).path("state").asText());
      JsonNode failures = cluster.rest("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
      assertTrue("the job saw the TaskManager fail and recovered from it", failures.size() > 0);
      System.out.printf("killed %s (pid %d); failures the job recovered from: %d, first: %s%n", victim, pid,
          failures.size(), failures.get(0).path("exceptionName").asText());

      RunOutput expected = RunOutput.read(reference);
      assertEquals(17L * COPIES, expected.analysed());
      assertEquals(17 * COPIES, expected.analysisCsv().size());
      RunOutput.assertSameOutput("after losing " + victim, expected, RunOutput.read(recovered));
    }
  }

  private static String[] args(Path input, Path out) {
    return new String[] {"--input=" + input + "/*", "--output=" + out, "--numShards=2"};
  }

  /** The id of the job once the cluster runs it. */
  private static String awaitRunningJob(FlinkCluster cluster, Process submission) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline) && submission.isAlive()) {
      for (JsonNode job : cluster.rest("/jobs/overview").path("jobs")) {
        if (job.path("state").asText().equals("RUNNING")) {
          return job.path("jid").asText();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no job started running on the cluster");
  }

  /**
   * Waits until at least one stage has finished (its results now live on the TaskManagers) while
   * another runs, and names a TaskManager that runs part of the job.
   */
  private static String taskManagerMidJob(FlinkCluster cluster, String jobId, Process submission) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline) && submission.isAlive()) {
      JsonNode vertices = cluster.rest("/jobs/" + jobId).path("vertices");
      boolean someFinished = false;
      String running = null;
      for (JsonNode v : vertices) {
        someFinished |= v.path("status").asText().equals("FINISHED");
        if (v.path("status").asText().equals("RUNNING")) {
          running = v.path("id").asText();
        }
      }
      if (someFinished && running != null) {
        for (JsonNode tm : cluster.rest("/jobs/" + jobId + "/vertices/" + running + "/taskmanagers")
            .path("taskmanagers")) {
          if (tm.path("status").asText().equals("RUNNING")) {
            return tm.path("taskmanager-id").asText();
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the job ended before a TaskManager could be killed mid-run");
  }
}
