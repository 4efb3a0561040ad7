namespace GradFlow.Curvature;

/// <summary>A Hutchinson estimate of tr H: the mean of zᵀHz over <see cref="Probes"/> Rademacher vectors, and its standard error.</summary>
public sealed record TraceEstimate(double Mean, double StandardError, int Probes);
