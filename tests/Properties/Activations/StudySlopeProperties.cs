using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradFlow.Activations;
using GradFlow.Tests.Properties.Generators;

namespace GradFlow.Tests.Properties.Activations;

/// <summary>The study's four activations pass gradients on without amplifying them: 0 ≤ φ′ ≤ 1.</summary>
[Trait("Category", "Property")]
public sealed class StudySlopeProperties
{
    private static readonly Gen<Activation> StudyActivation = Gen.Elements(ActivationRegistry.StudyNames.Select(ActivationRegistry.Get).ToArray());

    [Property]
    public Property Derivative_StudyActivationAnyFiniteZ_LiesInZeroOne() =>
        Prop.ForAll(StudyActivation.ToArbitrary(), Doubles.AnyFinite.ToArbitrary(), (f, z) =>
        {
            double d = f.Derivative(z);
            return Prop.Label(0 <= d && d <= 1, $"{f.Name}′({z:R}) = {d:R}");
        });

    [Theory]
    [InlineData("tanh")]
    [InlineData("arctan")]
    [InlineData("softsign")]
    public void Derivative_SmoothStudyActivationAtZero_IsOne(string name)
    {
        Assert.Equal(1.0, ActivationRegistry.Get(name).Derivative(0.0));
    }

    [Fact]
    public void SmoothStudyNames_AreTheStudysThreeSmoothOnes()
    {
        Assert.Equal(["tanh", "arctan", "softsign"], ActivationRegistry.SmoothStudyNames);
    }
}
