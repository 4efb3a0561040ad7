namespace GradFlow.Activations;

/// <summary>
/// One hidden activation φ as a tiny static operator: value and derivative side by side, its range,
/// and the study's saturation ("limit") predicate. <see cref="Activation{TFunction}"/> drives spans of it.
/// </summary>
public interface IActivationFunction<TSelf> where TSelf : IActivationFunction<TSelf>
{
    static abstract string Name { get; }

    /// <summary>φ(z).</summary>
    static abstract double Value(double z);

    /// <summary>φ′(z).</summary>
    static abstract double Derivative(double z);

    /// <summary>
    /// φ″(z), for the curvature (Hessian-vector products). At a kink, where φ′ or φ″ jumps, the value
    /// is the one on the side the operator's <see cref="Derivative"/> takes there; each operator says which.
    /// </summary>
    static abstract double SecondDerivative(double z);

    /// <summary>Infimum of φ over the reals (may be attained in floating point).</summary>
    static abstract double LowerBound { get; }

    /// <summary>Supremum of φ over the reals (may be attained in floating point).</summary>
    static abstract double UpperBound { get; }

    /// <summary>Whether φ is monotone non-decreasing on the whole line.</summary>
    static abstract bool IsMonotone { get; }

    /// <summary>Whether φ(−z) = −φ(z).</summary>
    static abstract bool IsOdd { get; }

    /// <summary>Points where φ′ (or φ″ for ELU) jumps: a finite difference straddling one is not a derivative.</summary>
    static abstract double[] Kinks { get; }

    /// <summary>The study's "limit" predicate: z sits in the saturated (or dead) part of φ.</summary>
    static abstract bool IsInLimit(double z);

    /// <summary>
    /// <see cref="IsInLimit"/> when φ(z) is already known (the forward cache): the bounded activations
    /// judge saturation on φ itself and need not evaluate it again. Same answer as IsInLimit(z).
    /// </summary>
    static virtual bool IsInLimitAt(double z, double phi) => TSelf.IsInLimit(z);

    /// <summary>
    /// How many (z[i], phi[i]) satisfy <see cref="IsInLimitAt"/> (equal lengths, checked by the caller).
    /// The default loops over it; an operator with a vector kernel counts four lanes at a time.
    /// </summary>
    static virtual int CountInLimit(ReadOnlySpan<double> z, ReadOnlySpan<double> phi)
    {
        // Counted without a branch: whether a value is in the limit is close to a coin toss, which a branch would mispredict.
        int count = 0;
        for (int i = 0; i < z.Length; i++)
            count += TSelf.IsInLimitAt(z[i], phi[i]) ? 1 : 0;
        return count;
    }

    /// <summary>What <see cref="IsInLimit"/> means, in words, for reports and docs.</summary>
    static abstract string LimitRule { get; }

    /// <summary>φ(z) and φ′(z) at once; overridden where one reuses the other's work.</summary>
    static virtual (double Value, double Derivative) Evaluate(double z)
    {
        return (TSelf.Value(z), TSelf.Derivative(z));
    }

    /// <summary>
    /// a[i] = φ(z[i]) and dphi[i] = φ′(z[i]) over equal-length spans (checked by the caller). The default
    /// loops over <see cref="Evaluate"/>; an operator with a vector kernel implements
    /// <see cref="IVectorActivationFunction{TSelf}"/>, whose Apply is <see cref="VectorActivation.Apply{TFunction}"/>:
    /// the same bits element by element, four lanes at a time.
    /// </summary>
    static virtual void Apply(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi)
    {
        for (int i = 0; i < z.Length; i++)
        {
            (a[i], dphi[i]) = TSelf.Evaluate(z[i]);
        }
    }
}
