namespace GradFlow.Activations;

/// <summary>The span driver for one activation operator: every loop over z is written here, once.</summary>
public sealed class Activation<TFunction> : Activation where TFunction : IActivationFunction<TFunction>
{
    public static readonly Activation<TFunction> Instance = new();

    private Activation() { }

    public override string Name => TFunction.Name;
    public override double LowerBound => TFunction.LowerBound;
    public override double UpperBound => TFunction.UpperBound;
    public override bool IsMonotone => TFunction.IsMonotone;
    public override bool IsOdd => TFunction.IsOdd;
    public override IReadOnlyList<double> Kinks => TFunction.Kinks;
    public override string LimitRule => TFunction.LimitRule;

    public override double Value(double z) => TFunction.Value(z);
    public override double Derivative(double z) => TFunction.Derivative(z);
    public override double SecondDerivative(double z) => TFunction.SecondDerivative(z);
    public override bool IsInLimit(double z) => TFunction.IsInLimit(z);

    public override void Apply(ReadOnlySpan<double> z, Span<double> a, Span<double> dphi)
    {
        if (a.Length != z.Length || dphi.Length != z.Length)
            throw new ArgumentException($"span lengths differ: z {z.Length}, a {a.Length}, dphi {dphi.Length}");
        TFunction.Apply(z, a, dphi);
    }

    public override void SecondDerivative(ReadOnlySpan<double> z, Span<double> d2phi)
    {
        if (d2phi.Length != z.Length) throw new ArgumentException($"span lengths differ: z {z.Length}, d2phi {d2phi.Length}");
        for (int i = 0; i < z.Length; i++) d2phi[i] = TFunction.SecondDerivative(z[i]);
    }

    public override int CountInLimit(ReadOnlySpan<double> z, ReadOnlySpan<double> phi)
    {
        if (phi.Length != z.Length) throw new ArgumentException($"span lengths differ: z {z.Length}, phi {phi.Length}");
        return TFunction.CountInLimit(z, phi);
    }

    public override int CountInLimit(ReadOnlySpan<double> z)
    {
        int count = 0;
        foreach (double v in z)
            count += TFunction.IsInLimit(v) ? 1 : 0;
        return count;
    }
}
