using GradFlow.Curvature;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class EigenDecompositionTests
{
    [Fact]
    public void TraceMinMax_AscendingValues_AreTheSumAndTheEnds()
    {
        var e = new EigenDecomposition(3, [-2, 0.5, 4], null);

        Assert.Equal(2.5, e.Trace);
        Assert.Equal(-2.0, e.Min);
        Assert.Equal(4.0, e.Max);
    }

    [Fact]
    public void Vector_WithoutVectors_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new EigenDecomposition(1, [1], null).Vector(0, 0));
        Assert.Contains("computed without eigenvectors", e.Message);
    }

    [Fact]
    public void Vector_RowAndIndex_IsTheRowMajorEntryOfTheColumn()
    {
        var e = new EigenDecomposition(2, [1, 2], [0.6, -0.8, 0.8, 0.6]);
        Assert.Equal(-0.8, e.Vector(0, 1));
        Assert.Equal(0.8, e.Vector(1, 0));
    }
}
