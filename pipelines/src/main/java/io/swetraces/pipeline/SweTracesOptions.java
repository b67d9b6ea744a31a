package io.swetraces.pipeline;

/** Every option of a swe-traces run, one interface per concern; runner options come on top of these. */
public interface SweTracesOptions
    extends InputOptions, OutputOptions, AnalysisOptions, SftOptions, CurationOptions, StudentOptions,
    TrainingOptions {}
