package io.swetraces.hub;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How {@code hf://} paths reach the Hugging Face Hub. The token is deliberately not an option:
 * options travel with the job and show up in runners' UIs, so each process reads it from its own
 * environment ({@code HF_TOKEN}) or token file.
 */
public interface HubOptions extends PipelineOptions {
  String DEFAULT_ENDPOINT = "https://huggingface.co";

  @Description("Hugging Face Hub endpoint for hf:// paths; default $HF_ENDPOINT, else "
      + "https://huggingface.co.")
  @Default.InstanceFactory(EndpointFactory.class)
  String getHfEndpoint();

  void setHfEndpoint(String value);

  @Description("File holding the Hub token, read by every worker; default $HF_TOKEN, else the "
      + "file $HF_TOKEN_PATH, $HF_HOME/token or ~/.cache/huggingface/token.")
  String getHfTokenFile();

  void setHfTokenFile(String value);

  @Description("Attempts per Hub request before giving up on rate limits (429), server errors, "
      + "dropped connections and stalls.")
  @Default.Integer(6)
  int getHfMaxAttempts();

  void setHfMaxAttempts(int value);

  @Description("Seconds a Hub connection may take to connect, or stall between bytes, before it "
      + "is retried.")
  @Default.Integer(30)
  int getHfTimeoutSeconds();

  void setHfTimeoutSeconds(int value);

  @Description("First wait between Hub retries in milliseconds, doubled each time up to 30 s; "
      + "a 429's Retry-After takes precedence.")
  @Default.Long(1000)
  long getHfBackoffMillis();

  void setHfBackoffMillis(long value);

  /** {@code HF_ENDPOINT} as {@code huggingface_hub} reads it, read where the job is launched. */
  class EndpointFactory implements DefaultValueFactory<String> {
    @Override
    public String create(PipelineOptions options) {
      String env = System.getenv("HF_ENDPOINT");
      return env == null || env.isBlank() ? DEFAULT_ENDPOINT : env.trim();
    }
  }
}
