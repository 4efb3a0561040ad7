using System.Runtime.Intrinsics;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics.Gemm;

/// <summary>The documented rule for which layers take the tiled kernels, path by path, at its edges.</summary>
public sealed class TiledKernelsTests
{
    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(300, 2, true)]
    [InlineData(2, 1, false)]
    [InlineData(300, 1, false)]
    public void Take_Tiled_EveryLayerWithMoreThanOneUnit(int fanIn, int fanOut, bool expected) =>
        Assert.Equal(expected, TiledKernels.Take(fanIn, fanOut, KernelPath.Tiled));

    [Theory]
    [InlineData(1, 2)]
    [InlineData(64, 64)]
    [InlineData(300, 1)]
    public void Take_Rows_NoLayer(int fanIn, int fanOut) =>
        Assert.False(TiledKernels.Take(fanIn, fanOut, KernelPath.Rows));

    [Theory]
    [InlineData(2, 2, true)]
    [InlineData(2, 300, true)]
    [InlineData(300, 2, true)]
    [InlineData(1, 300, false)]
    [InlineData(300, 1, false)]
    [InlineData(1, 1, false)]
    public void Take_ByShape_LayersAtLeastTwoWideWhereThereIsVector512(int fanIn, int fanOut, bool wide) =>
        Assert.Equal(wide && Vector512.IsHardwareAccelerated, TiledKernels.Take(fanIn, fanOut, KernelPath.ByShape));
}
