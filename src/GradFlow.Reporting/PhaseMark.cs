using GradFlow.Theory;

namespace GradFlow.Reporting;

/// <summary>One network marked on a phase diagram: its label, its (σ_w, σ_b) and the phase the maps give it.</summary>
public sealed record PhaseMark(string Label, double SigmaW, double SigmaB, Phase Phase);
