using System.Runtime.Intrinsics;
using GradFlow.Activations;
using GradFlow.Tests.Unit.Numerics;

namespace GradFlow.Tests.Unit.Activations;

/// <summary>
/// The span driver gives every element the bits of the scalar Value and Derivative, whatever the span's
/// length and start (vector body, scalar tail), for the vectorised activations and the scalar ones alike.
/// </summary>
public sealed class VectorActivationTests
{
    private static readonly double[] Inputs = GradFlow.Tests.Unit.Numerics.Inputs.Mixed(4_000, seed: 31);

    public static TheoryData<string> AllActivations()
    {
        var data = new TheoryData<string>();
        foreach (var name in ActivationRegistry.Names) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Apply_EveryLengthAndOffset_EqualsScalarValueAndDerivativeBitForBit(string name)
    {
        var activation = ActivationRegistry.Get(name);
        var a = new double[48];
        var dphi = new double[48];
        int start = 0;
        for (int length = 0; length <= 40; length++)
        {
            for (int offset = 0; offset < 4; offset++, start = (start + 37) % (Inputs.Length - 48))
            {
                var z = Inputs.AsSpan(start, length);
                activation.Apply(z, a.AsSpan(offset, length), dphi.AsSpan(offset, length));
                for (int i = 0; i < length; i++)
                {
                    string at = $"{name} at z = {z[i]:R} (0x{BitConverter.DoubleToInt64Bits(z[i]):X16}), index {i} of {length}";
                    VectorMathTwinTests.AssertBits(activation.Value(z[i]), a[offset + i], "φ " + at);
                    VectorMathTwinTests.AssertBits(activation.Derivative(z[i]), dphi[offset + i], "φ′ " + at);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void Apply_ManyRandomInputs_EqualsScalarValueAndDerivativeBitForBit(string name)
    {
        var activation = ActivationRegistry.Get(name);
        var a = new double[Inputs.Length];
        var dphi = new double[Inputs.Length];
        activation.Apply(Inputs, a, dphi);
        for (int i = 0; i < Inputs.Length; i++)
        {
            VectorMathTwinTests.AssertBits(activation.Value(Inputs[i]), a[i], $"φ {name}({Inputs[i]:R})");
            VectorMathTwinTests.AssertBits(activation.Derivative(Inputs[i]), dphi[i], $"φ′ {name}({Inputs[i]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(AllActivations))]
    public void CountInLimit_EveryLengthAndOffset_EqualsTheScalarPredicateCount(string name)
    {
        var activation = ActivationRegistry.Get(name);
        var phi = new double[Inputs.Length];
        for (int i = 0; i < phi.Length; i++) phi[i] = activation.Value(Inputs[i]);
        for (int length = 0; length <= 40; length++)
        {
            for (int start = 0; start < 4; start++)
            {
                var z = Inputs.AsSpan(start * 101, length);
                int expected = 0;
                foreach (double v in z) expected += activation.IsInLimit(v) ? 1 : 0;
                Assert.Equal(expected, activation.CountInLimit(z, phi.AsSpan(start * 101, length)));
                Assert.Equal(expected, activation.CountInLimit(z));
            }
        }
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    [InlineData("arctan")]
    [InlineData("softsign")]
    public void CountInLimit_ManyRandomInputs_EqualsTheScalarPredicateCount(string name)
    {
        var activation = ActivationRegistry.Get(name);
        var phi = new double[Inputs.Length];
        for (int i = 0; i < phi.Length; i++) phi[i] = activation.Value(Inputs[i]);
        int expected = Inputs.Count(activation.IsInLimit);
        Assert.True(expected > 0 && expected < Inputs.Length, $"{name}: the inputs must hold values on both sides of the limit");
        Assert.Equal(expected, activation.CountInLimit(Inputs, phi));
    }

    // The eight-lane kernels called directly (whether or not this machine's driver would use them): the
    // native ones (tanh, relu, softsign) and the default that runs the four-lane kernel on each half (arctan).
    [Fact]
    public void EvaluateEightLanes_EveryVectorActivation_EqualsScalarValueDerivativeAndLimitBitForBit()
    {
        AssertEightLanes<Tanh>();
        AssertEightLanes<Relu>();
        AssertEightLanes<Softsign>();
        AssertEightLanes<Arctan>();
    }

    private static void AssertEightLanes<TFunction>() where TFunction : IVectorActivationFunction<TFunction>
    {
        for (int i = 0; i + 8 <= Inputs.Length; i += 8)
        {
            var z = Vector512.Create(Inputs.AsSpan(i, 8));
            var value = Evaluate8<TFunction>(z, out var derivative);
            var limit = IsInLimitAt8<TFunction>(z, value);
            for (int lane = 0; lane < 8; lane++)
            {
                double x = Inputs[i + lane];
                string at = $"{TFunction.Name} at z = {x:R} (0x{BitConverter.DoubleToInt64Bits(x):X16}), lane {lane} of 8";
                var (expectedValue, expectedDerivative) = TFunction.Evaluate(x);
                VectorMathTwinTests.AssertBits(expectedValue, value.GetElement(lane), "φ " + at);
                VectorMathTwinTests.AssertBits(expectedDerivative, derivative.GetElement(lane), "φ′ " + at);
                long mask = BitConverter.DoubleToInt64Bits(limit.GetElement(lane));
                Assert.True(mask == (TFunction.IsInLimitAt(x, expectedValue) ? -1L : 0L), "limit " + at);
            }
        }
    }

    // Through the interface, so that the default members are what an operator without its own runs.
    private static Vector512<double> Evaluate8<TFunction>(Vector512<double> z, out Vector512<double> derivative)
        where TFunction : IVectorActivationFunction<TFunction> => TFunction.Evaluate(z, out derivative);

    private static Vector512<double> IsInLimitAt8<TFunction>(Vector512<double> z, Vector512<double> phi)
        where TFunction : IVectorActivationFunction<TFunction> => TFunction.IsInLimitAt(z, phi);

    [Fact]
    public void Relu_VectorPath_KeepsZeroSlopeAtZeroAndMapsNaNAndMinusZeroToPlusZero()
    {
        double[] z = [-0.0, 0.0, double.NaN, -1.0, 2.0, double.PositiveInfinity, double.NegativeInfinity, 1e-310];
        double[] expectedA = [0.0, 0.0, 0.0, 0.0, 2.0, double.PositiveInfinity, 0.0, 1e-310];
        double[] expectedD = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0];
        var a = new double[z.Length];
        var dphi = new double[z.Length];
        ActivationRegistry.Get("relu").Apply(z, a, dphi);
        for (int i = 0; i < z.Length; i++)
        {
            VectorMathTwinTests.AssertBits(expectedA[i], a[i], $"relu({z[i]:R})");
            VectorMathTwinTests.AssertBits(expectedD[i], dphi[i], $"relu′({z[i]:R})");
        }
    }

    [Fact]
    public void Arctan_Derivative_IsZeroOnceZSquaredOverflows()
    {
        var arctan = ActivationRegistry.Get("arctan");
        Assert.Equal(0.0, arctan.Derivative(1e200));
        Assert.Equal(0.0, arctan.Derivative(double.NegativeInfinity));
        Assert.Equal(1.0, arctan.Derivative(0.0));
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("arctan")]
    [InlineData("softsign")]
    [InlineData("relu")]
    public void Apply_SpansOfDifferentLengths_Throws(string name)
    {
        var activation = ActivationRegistry.Get(name);
        Assert.Throws<ArgumentException>(() => activation.Apply(new double[8], new double[8], new double[7]));
        Assert.Throws<ArgumentException>(() => activation.Apply(new double[8], new double[9], new double[8]));
    }
}
