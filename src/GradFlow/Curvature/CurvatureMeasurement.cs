namespace GradFlow.Curvature;

/// <summary>
/// One curvature measurement at a model's parameters: the loss, λ_max (the sharpness), λ_min, the trace
/// (<see cref="TraceIsEstimate"/>: Hutchinson's estimate, with its standard error; else exact, error 0),
/// and the Lanczos residuals and step count behind the extremes.
/// </summary>
public sealed record CurvatureMeasurement(
    double Loss, double LambdaMax, double LambdaMin, double Trace, double TraceStandardError, bool TraceIsEstimate,
    double MaxResidual, double MinResidual, int LanczosSteps);
