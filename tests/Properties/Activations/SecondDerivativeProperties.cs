using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradFlow.Activations;
using GradFlow.Tests.Properties.Generators;

namespace GradFlow.Tests.Properties.Activations;

/// <summary>
/// φ″ of one activation, the curvature's input: central differences of φ′ away from the kinks, finite on
/// the whole line, the span form equal to the scalar one, and at each kink the value the operator documents.
/// </summary>
public abstract class SecondDerivativeContract<TFunction> where TFunction : IActivationFunction<TFunction>
{
    private static Activation F => Activation<TFunction>.Instance;

    /// <summary>φ″ at each of the activation's kinks, as its doc comment states (empty where it has none).</summary>
    protected abstract double[] ValuesAtKinks { get; }

    [Property]
    public Property SecondDerivative_AnyModerateZAwayFromKinks_MatchesCentralDifferenceOfDerivative() =>
        ActivationLaws.SecondDerivativeMatchesCentralDifference(F);

    [Property]
    public Property SecondDerivative_AnyFiniteZ_IsFinite() =>
        Prop.ForAll(Doubles.AnyFinite.ToArbitrary(), z =>
            Prop.Label(double.IsFinite(F.SecondDerivative(z)), $"{F.Name}″({z.ToString("R", CultureInfo.InvariantCulture)}) = {F.SecondDerivative(z)}"));

    [Property]
    public Property SecondDerivative_Span_EqualsScalarBitForBit() =>
        Prop.ForAll(Gen.ArrayOf(Doubles.Moderate).ToArbitrary(), zs =>
        {
            var d2 = new double[zs.Length];
            F.SecondDerivative(zs, d2);
            return zs.Select((z, i) => BitConverter.DoubleToInt64Bits(d2[i]) == BitConverter.DoubleToInt64Bits(F.SecondDerivative(z))).All(b => b);
        });

    [Fact]
    public void SecondDerivative_AtKinks_IsTheDocumentedValue()
    {
        Assert.Equal(F.Kinks.Count, ValuesAtKinks.Length);
        for (int i = 0; i < ValuesAtKinks.Length; i++)
            Assert.Equal(ValuesAtKinks[i], F.SecondDerivative(F.Kinks[i]));
    }
}

// φ″ at a kink: 0 for the piecewise-linear rectifiers (the Dirac mass of φ′'s jump has no pointwise value),
// 0 for softsign (the mean of its one-sided 2 and −2), α = 1 for ELU (the left side, which its φ′ also takes at 0).

[Trait("Category", "Property")]
public sealed class ReluSecondDerivative : SecondDerivativeContract<Relu> { protected override double[] ValuesAtKinks => [0.0]; }

[Trait("Category", "Property")]
public sealed class TanhSecondDerivative : SecondDerivativeContract<Tanh> { protected override double[] ValuesAtKinks => []; }

[Trait("Category", "Property")]
public sealed class ArctanSecondDerivative : SecondDerivativeContract<Arctan> { protected override double[] ValuesAtKinks => []; }

[Trait("Category", "Property")]
public sealed class SoftsignSecondDerivative : SecondDerivativeContract<Softsign> { protected override double[] ValuesAtKinks => [0.0]; }

[Trait("Category", "Property")]
public sealed class SigmoidSecondDerivative : SecondDerivativeContract<Sigmoid> { protected override double[] ValuesAtKinks => []; }

[Trait("Category", "Property")]
public sealed class LeakyReluSecondDerivative : SecondDerivativeContract<LeakyRelu> { protected override double[] ValuesAtKinks => [0.0]; }

[Trait("Category", "Property")]
public sealed class EluSecondDerivative : SecondDerivativeContract<Elu> { protected override double[] ValuesAtKinks => [1.0]; }

[Trait("Category", "Property")]
public sealed class GeluSecondDerivative : SecondDerivativeContract<Gelu> { protected override double[] ValuesAtKinks => []; }

[Trait("Category", "Property")]
public sealed class SiluSecondDerivative : SecondDerivativeContract<Silu> { protected override double[] ValuesAtKinks => []; }

[Trait("Category", "Property")]
public sealed class SoftplusSecondDerivative : SecondDerivativeContract<Softplus> { protected override double[] ValuesAtKinks => []; }
