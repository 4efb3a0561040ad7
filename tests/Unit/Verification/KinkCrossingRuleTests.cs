using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

/// <summary>
/// KinkCrossing.Any's rule on one hidden pre-activation z against an unperturbed z0: crossed when z and z0
/// lie on different sides of a kink k or on it, and z moved. Kinks other than 0 show that both sides are measured from k.
/// </summary>
public sealed class KinkCrossingRuleTests
{
    // One row x = 1: the hidden unit's pre-activation is z = w·1 + 0.
    private static BatchPass PassWithZ(double z)
    {
        var model = HandBuilt.Network(Activation<Relu>.Instance, HandBuilt.Layer(1, 1, [z], [0.0]), HandBuilt.Layer(1, 1, [1.0], [0.0]));
        var pass = new BatchPass(model.Architecture, 1);
        pass.Forward(model, Dataset.Create([1.0], [1.0], 1).X);
        return pass;
    }

    [Theory]
    [InlineData(0.5, 1.5, 1.0, true)]   // from above k to below it
    [InlineData(1.5, 0.5, 1.0, true)]   // from below k to above it
    [InlineData(1.25, 1.5, 1.0, false)] // both above k
    [InlineData(0.5, 0.75, 1.0, false)] // both below k
    [InlineData(0.5, 0.0, 0.0, true)]   // from exactly on the kink
    [InlineData(0.0, 0.5, 0.0, true)]   // onto the kink
    [InlineData(0.5, 0.5, 0.5, false)]  // on the kink, not moved
    public void Any_OneUnit_CrossesExactlyWhenZAndZ0AreOnDifferentSidesOfTheKinkOrOnIt(double z, double z0, double kink, bool crosses) =>
        Assert.Equal(crosses, KinkCrossing.Any(PassWithZ(z), [[z0]], [kink]));

    [Fact]
    public void Any_NoKinks_NeverCrosses() => Assert.False(KinkCrossing.Any(PassWithZ(0.5), [[-0.5]], []));
}
