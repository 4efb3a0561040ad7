using GradFlow.Activations;
using GradFlow.Tests.Unit.Numerics;

namespace GradFlow.Tests.Unit.Activations;

/// <summary>
/// φ′ at a kink is the documented side of the jump, on the scalar path, the vector lanes and the tail;
/// and the span drivers write only inside the spans they are given.
/// </summary>
public sealed class KinkAndBoundsTests
{
    public static TheoryData<string> Names => new(ActivationRegistry.Names);

    // relu: "φ′(0) = 0, as in the study"; leaky ReLU: "φ′(0) = α, like ReLU's dead side" (α = 0.01).
    [Theory]
    [InlineData("relu", 0.0)]
    [InlineData("leaky_relu", 0.01)]
    public void Derivative_AtTheKink_IsTheDeadSidesSlope(string name, double slope)
    {
        var activation = ActivationRegistry.Get(name);
        double[] z = [0.0, -0.0, 1.0, -1.0, -0.0, 0.0, 2.0, 0.0, -0.0]; // zeros in both lanes blocks and in the tail
        var a = new double[z.Length];
        var dphi = new double[z.Length];

        activation.Apply(z, a, dphi);

        Assert.Equal(slope, activation.Derivative(0.0));
        Assert.Equal(slope, activation.Derivative(-0.0));
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(z[i] > 0 ? 1.0 : slope, dphi[i]);
            Assert.Equal(0.0, a[i] - (z[i] > 0 ? z[i] : slope * z[i])); // φ = z or αz
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Apply_ASpanInsideLargerArrays_WritesNothingOutsideIt(string name)
    {
        var activation = ActivationRegistry.Get(name);
        double sentinel = BitConverter.Int64BitsToDouble(0x7FF8_DEAD_BEEF_0001);
        for (int length = 0; length <= 13; length++)
        {
            var z = Enumerable.Range(0, length + 2).Select(i => 0.37 * i - 2.0).ToArray();
            var a = Enumerable.Repeat(sentinel, length + 2).ToArray();
            var dphi = Enumerable.Repeat(sentinel, length + 2).ToArray();

            activation.Apply(z.AsSpan(1, length), a.AsSpan(1, length), dphi.AsSpan(1, length));

            foreach (var array in new[] { a, dphi })
            {
                VectorMathTwinTests.AssertBits(sentinel, array[0], $"{name}: element before a span of {length}");
                VectorMathTwinTests.AssertBits(sentinel, array[length + 1], $"{name}: element after a span of {length}");
            }
        }
    }
}
