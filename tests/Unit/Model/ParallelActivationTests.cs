using GradFlow.Activations;
using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

/// <summary>φ and φ′ split across threads: the same bits as one call over the whole length, and nothing past it written.</summary>
public sealed class ParallelActivationTests
{
    [Theory]
    [InlineData(3, ParallelActivation.MinimumLength + 13)]
    [InlineData(3, 65_565)] // a third ends at 21 855 ≡ 7 and two thirds at 43 710 ≡ 6 (mod 8): only whole multiples of 8 keep the parts in order
    [InlineData(2, ParallelActivation.MinimumLength)]
    [InlineData(4, 3 * ParallelActivation.MinimumLength + 5)]
    [InlineData(2, ParallelActivation.MinimumLength - 1)]
    [InlineData(3, 100)]
    public void Apply_AnyThreadsAndLength_SameBitsAsOneCallAndNothingPastTheLength(int threads, int length)
    {
        var z = new double[length + 9];
        GradFlow.Random.Generator.DefaultRng(length).Normal(0, 3, z);
        var expectedA = new double[length];
        var expectedDphi = new double[length];
        Activation<Elu>.Instance.Apply(z.AsSpan(0, length), expectedA, expectedDphi);
        var a = new double[length + 9];
        var dphi = new double[length + 9];
        a.AsSpan().Fill(7.0);
        dphi.AsSpan().Fill(7.0);

        new ParallelActivation(threads).Apply(Activation<Elu>.Instance, z, a, dphi, length);

        Assert.Equal(expectedA, a.AsSpan(0, length).ToArray());
        Assert.Equal(expectedDphi, dphi.AsSpan(0, length).ToArray());
        Assert.All(a.AsSpan(length).ToArray(), v => Assert.Equal(7.0, v));
        Assert.All(dphi.AsSpan(length).ToArray(), v => Assert.Equal(7.0, v));
    }

    [Fact]
    public void Apply_CalledTwice_SecondCallUsesItsOwnArrays()
    {
        int length = ParallelActivation.MinimumLength + 1;
        var parallel = new ParallelActivation(2);
        double[] z1 = new double[length], z2 = new double[length], a = new double[length], dphi = new double[length];
        z1.AsSpan().Fill(1.0);
        z2.AsSpan().Fill(-2.0);

        parallel.Apply(Activation<Tanh>.Instance, z1, a, dphi, length);
        parallel.Apply(Activation<Tanh>.Instance, z2, a, dphi, length);

        Assert.All(a, v => Assert.Equal(Math.Tanh(-2.0), v, 1e-15));
    }
}
