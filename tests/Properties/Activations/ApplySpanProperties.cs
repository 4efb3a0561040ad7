using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradFlow.Activations;
using GradFlow.Tests.Properties.Generators;

namespace GradFlow.Tests.Properties.Activations;

/// <summary>The span driver computes exactly the scalar functions, element by element, at every length.</summary>
[Trait("Category", "Property")]
public sealed class ApplySpanProperties
{
    private const int MaxLength = 33;

    private static readonly Gen<Activation> AnyActivation = Gen.Elements(ActivationRegistry.All.ToArray());

    private static readonly Gen<double[]> Values = Gen.ArrayOf(Gen.OneOf(Doubles.AnyFinite, Doubles.Moderate), MaxLength + 1);

    [Property]
    public Property Apply_EveryLengthUpTo33_EqualsScalarValueAndDerivativeBitForBit() =>
        Prop.ForAll(AnyActivation.ToArbitrary(), Values.ToArbitrary(), (f, values) =>
        {
            for (int n = 0; n <= MaxLength; n++)
            {
                var z = values.AsSpan(0, n);
                var a = new double[n];
                var d = new double[n];
                f.Apply(z, a, d);
                for (int i = 0; i < n; i++)
                {
                    if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(f.Value(z[i])))
                        return Prop.Label(false, $"{f.Name}: length {n}, a[{i}] = {a[i]:R} but Value({z[i]:R}) = {f.Value(z[i]):R}");
                    if (BitConverter.DoubleToInt64Bits(d[i]) != BitConverter.DoubleToInt64Bits(f.Derivative(z[i])))
                        return Prop.Label(false, $"{f.Name}: length {n}, dphi[{i}] = {d[i]:R} but Derivative({z[i]:R}) = {f.Derivative(z[i]):R}");
                }
            }
            return Prop.Label(true, "");
        });

    [Property]
    public Property CountInLimit_EveryLengthUpTo33_CountsIsInLimit() =>
        Prop.ForAll(AnyActivation.ToArbitrary(), Values.ToArbitrary(), (f, values) =>
        {
            for (int n = 0; n <= MaxLength; n++)
            {
                int expected = 0;
                for (int i = 0; i < n; i++) if (f.IsInLimit(values[i])) expected++;
                int counted = f.CountInLimit(values.AsSpan(0, n));
                if (counted != expected) return Prop.Label(false, $"{f.Name}: length {n}, counted {counted}, expected {expected}");
            }
            return Prop.Label(true, "");
        });

    [Fact]
    public void Apply_SpansOfDifferentLengths_ThrowsNamingTheLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation<Tanh>.Instance.Apply(new double[3], new double[3], new double[2]));

        Assert.Contains("dphi 2", e.Message);
    }
}
