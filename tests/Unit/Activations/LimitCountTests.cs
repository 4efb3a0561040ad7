using GradFlow.Activations;

namespace GradFlow.Tests.Unit.Activations;

public sealed class LimitCountTests
{
    public static TheoryData<string> Names => new(ActivationRegistry.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void CountInLimit_GivenTheForwardCache_CountsWhatThePredicateCountsAlone(string name)
    {
        var activation = ActivationRegistry.Get(name);
        var z = new double[4001];
        GradFlow.Random.Generator.DefaultRng(11).Normal(0, 8, z);
        z[0] = 0;
        var a = new double[z.Length];
        var dphi = new double[z.Length];
        activation.Apply(z, a, dphi);

        int alone = activation.CountInLimit(z);

        Assert.Equal(alone, activation.CountInLimit(z, a));
        Assert.InRange(alone, 1, z.Length - 1); // the sample straddles the limit, so the check can tell counts apart
    }
}
