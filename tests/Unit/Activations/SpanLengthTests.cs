using GradFlow.Activations;

namespace GradFlow.Tests.Unit.Activations;

/// <summary>
/// Every span entry point refuses spans of different lengths with a message naming both lengths, before
/// it reads or writes an element (the vector driver reads and writes through unchecked references).
/// </summary>
public sealed class SpanLengthTests
{
    public static TheoryData<string> Names => new(ActivationRegistry.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_OutputLongerThanInput_ThrowsNamingTheLengths(string name)
    {
        var activation = ActivationRegistry.Get(name);

        var e = Assert.Throws<ArgumentException>(() => activation.Apply(new double[5], new double[6], new double[5]));
        Assert.Contains("z 5, a 6, dphi 5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SecondDerivative_SpansOfDifferentLengths_ThrowsNamingTheLengths(string name)
    {
        var activation = ActivationRegistry.Get(name);

        var e = Assert.Throws<ArgumentException>(() => activation.SecondDerivative(new double[5], new double[4]));
        Assert.Contains("z 5, d2phi 4", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CountInLimit_PhiOfAnotherLength_ThrowsNamingTheLengths(string name)
    {
        var activation = ActivationRegistry.Get(name);

        var e = Assert.Throws<ArgumentException>(() => activation.CountInLimit(new double[9], new double[8]));
        Assert.Contains("z 9, phi 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorActivationApply_CalledDirectlyWithSpansOfDifferentLengths_ThrowsNamingTheLengths()
    {
        var shortA = Assert.Throws<ArgumentException>(() => VectorActivation.Apply<Tanh>(new double[8], new double[7], new double[8]));
        var shortD = Assert.Throws<ArgumentException>(() => VectorActivation.Apply<Relu>(new double[8], new double[8], new double[3]));

        Assert.Contains("z 8, a 7, dphi 8", shortA.Message, StringComparison.Ordinal);
        Assert.Contains("z 8, a 8, dphi 3", shortD.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorActivationCountInLimit_CalledDirectlyWithPhiOfAnotherLength_ThrowsNamingTheLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => VectorActivation.CountInLimit<Softsign>(new double[12], new double[4]));

        Assert.Contains("z 12, phi 4", e.Message, StringComparison.Ordinal);
    }
}
