namespace GradFlow.Activations;

/// <summary>
/// A hidden activation chosen at run time. Its span methods cost one virtual call per layer, never
/// one per element: <see cref="Activation{TFunction}"/> loops over a statically known operator.
/// </summary>
public abstract class Activation
{
    public abstract string Name { get; }
    public abstract double LowerBound { get; }
    public abstract double UpperBound { get; }
    public abstract bool IsMonotone { get; }
    public abstract bool IsOdd { get; }
    public abstract IReadOnlyList<double> Kinks { get; }
    public abstract string LimitRule { get; }

    public abstract double Value(double z);
    public abstract double Derivative(double z);
    public abstract double SecondDerivative(double z);
    public abstract bool IsInLimit(double z);

    /// <summary>a[i] = φ(z[i]) and dphi[i] = φ′(z[i]) in one pass.</summary>
    public abstract void Apply(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi);

    /// <summary>d2phi[i] = φ″(z[i]), element by element (scalar, so the bits never depend on the vector width).</summary>
    public abstract void SecondDerivative(ReadOnlySpan<double> z, Span<double> d2phi);

    /// <summary>How many of <paramref name="z"/> satisfy the limit predicate.</summary>
    public abstract int CountInLimit(ReadOnlySpan<double> z);

    /// <summary>The same count given φ(z) from the forward pass, which spares the bounded activations a second evaluation.</summary>
    public abstract int CountInLimit(ReadOnlySpan<double> z, ReadOnlySpan<double> phi);

    public override string ToString() => Name;
}
