using GradFlow.Model;

namespace GradFlow.Tests.Unit.Model;

/// <summary>The counts worked out by hand from the buffers a network and a pass hold.</summary>
public sealed class NetworkSizeTests
{
    [Fact]
    public void Parameters_TwoThreeOne_IsWeightsPlusBiasesOfBothLayers()
    {
        // (2·3 + 3) + (3·1 + 1) = 9 + 4.
        Assert.Equal(13.0, NetworkSize.Parameters([2, 3, 1]));
        Assert.Equal(3.0, NetworkSize.Parameters([2, 1]));
    }

    [Fact]
    public void Parameters_WidthsWhoseProductExceedsInt_AreCountedInDoublePrecision()
    {
        // 50 000² + 50 000 + 50 000 + 1 = 2 500 100 001 > int.MaxValue.
        Assert.Equal(2_500_100_001.0, NetworkSize.Parameters([50_000, 50_000, 1]));
    }

    [Fact]
    public void Pass_TwoThreeOneTenRows_IsInputPlusFourPerUnitRowPlusGradients()
    {
        // input 10·2; layer 1: z, a, φ′, δ 4·10·3, ∂W 2·3, ∂b 3; layer 2: 4·10·1, 3·1, 1.
        Assert.Equal(20 + (120 + 6 + 3) + (40 + 3 + 1), NetworkSize.Pass([2, 3, 1], 10));
    }

    [Fact]
    public void Pass_WideLayersManyRows_NeverOverflows()
    {
        // 100 000 rows of 30 000 units: 4·3e9 per layer alone.
        double expected = 1e5 * 2 + (4 * 1e5 * 3e4 + 2 * 3e4 + 3e4) + (4 * 1e5 + 3e4 + 1);
        Assert.Equal(expected, NetworkSize.Pass([2, 30_000, 1], 1e5));
    }

    [Theory]
    [InlineData(10, 30)] // z of the hidden layer, 10·3
    [InlineData(1, 6)] // the first weight matrix, 2·3
    [InlineData(100, 300)]
    public void LargestArray_TwoThreeOne_IsTheLongestOfInputZAndWeights(double rows, double expected)
    {
        Assert.Equal(expected, NetworkSize.LargestArray([2, 3, 1], rows));
    }

    [Fact]
    public void LargestArray_WideInput_IsTheInput()
    {
        // input 4·9 = 36 beats z (4·2, 4·1) and the weights (9·2, 2·1).
        Assert.Equal(36.0, NetworkSize.LargestArray([9, 2, 1], 4));
        // The last layer's weights are compared too: [1, 1, 5, 4] at one row, 5·4 = 20 beats 1, 1, 5 and 4.
        Assert.Equal(20.0, NetworkSize.LargestArray([1, 1, 5, 4], 1));
        // And the last z: [1, 3] over 5 rows, 5·3 = 15 beats the input 5 and the weights 3.
        Assert.Equal(15.0, NetworkSize.LargestArray([1, 3], 5));
    }

    [Fact]
    public void HiddenUnits_EveryHiddenLayer_AndNoneWithoutOne()
    {
        Assert.Equal(7.0, NetworkSize.HiddenUnits([2, 3, 4, 1]));
        Assert.Equal(16.0, NetworkSize.HiddenUnits([2, 16, 1]));
        Assert.Equal(0.0, NetworkSize.HiddenUnits([2, 1]));
    }
}
