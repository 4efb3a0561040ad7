using GradFlow.Curvature;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HessianMatrixTests
{
    [Fact]
    public void IndexerTraceAndMaxAbs_ThreeByThree_FollowTheRowMajorDefinitions()
    {
        // [[1, 2, 3], [4, 5, 6], [7, -9, 8]]: tr = 1 + 5 + 8, the largest magnitude is the negative −9.
        var h = new HessianMatrix(3, [1, 2, 3, 4, 5, 6, 7, -9, 8], 0.0);

        Assert.Equal(6.0, h[1, 2]);
        Assert.Equal(-9.0, h[2, 1]);
        Assert.Equal(14.0, h.Trace);
        Assert.Equal(9.0, h.MaxAbs);
    }

    [Fact]
    public void TraceAndMaxAbs_EmptyMatrix_AreZero()
    {
        var h = new HessianMatrix(0, [], 0.0);

        Assert.Equal(0.0, h.Trace);
        Assert.Equal(0.0, h.MaxAbs);
    }
}
