using FsCheck;
using FsCheck.Xunit;
using GradFlow.Activations;

namespace GradFlow.Tests.Properties.Activations;

/// <summary>
/// The whole <see cref="ActivationLaws"/> contract for one activation: derive once per activation and
/// state its saturation rule independently. xUnit runs each law as a test of the derived class.
/// </summary>
public abstract class ActivationContract<TFunction> where TFunction : IActivationFunction<TFunction>
{
    protected static Activation F => Activation<TFunction>.Instance;

    /// <summary>The documented "limit" rule in closed form, written without the activation's own code.</summary>
    protected abstract bool ExpectedInLimit(double z);

    /// <summary>Where <see cref="ExpectedInLimit"/> switches.</summary>
    protected abstract double[] LimitThresholds { get; }

    /// <summary>How close to a threshold the rounding of φ may flip the predicate (relative); 0 for exact rules.</summary>
    protected virtual double LimitMargin => 1e-9;

    [Property]
    public Property Derivative_AnyModerateZAwayFromKinks_MatchesCentralDifference() => ActivationLaws.DerivativeMatchesCentralDifference(F);

    [Property]
    public Property Value_AnyFiniteZ_LiesWithinBounds() => ActivationLaws.ValueWithinBounds(F);

    [Fact]
    public void Bounds_Finite_AreApproached() => Assert.True(ActivationLaws.BoundsAreTight(F, out string failure), failure);

    [Property]
    public Property Value_OrderedPair_IsMonotoneAsDeclared() => ActivationLaws.MonotoneAsDeclared(F);

    [Property]
    public Property Value_NegatedZ_IsOddAsDeclared() => ActivationLaws.OddAsDeclared(F);

    [Property]
    public Property ValueAndDerivative_AnyFiniteZ_AreFinite() => ActivationLaws.FiniteEverywhere(F);

    [Property]
    public Property IsInLimit_AnyZ_MatchesDocumentedRule() => ActivationLaws.LimitRuleAsDocumented(F, ExpectedInLimit, LimitThresholds, LimitMargin);
}
