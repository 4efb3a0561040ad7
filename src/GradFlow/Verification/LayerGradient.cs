namespace GradFlow.Verification;

/// <summary>∂L/∂W (row-major (fan_in, fan_out), like the weights) and ∂L/∂b of one layer.</summary>
public sealed record LayerGradient(int FanIn, int FanOut, double[] Weights, double[] Bias);
