using GradFlow.Data;

namespace GradFlow.Tests.Unit.Data;

public sealed class DatasetTests
{
    // Three rows of two features: row r is (10r, 10r + 1), labelled r.
    private static Dataset ThreeRows() => Dataset.Create([0, 1, 10, 11, 20, 21], [0, 1, 2], 2);

    [Fact]
    public void Row_Index_IsThatRowsFeatures()
    {
        var data = ThreeRows();

        Assert.Equal(3, data.Count);
        Assert.Equal([10.0, 11.0], data.Row(1).ToArray());
        Assert.Equal([20.0, 21.0], data.Row(2).ToArray());
    }

    [Fact]
    public void Take_Indices_RowsAndLabelsInThatOrderWithRepeats()
    {
        var taken = ThreeRows().Take([2, 0, 2]);

        Assert.Equal([20.0, 21.0, 0.0, 1.0, 20.0, 21.0], taken.X);
        Assert.Equal([2.0, 0.0, 2.0], taken.Y);
        Assert.Equal(2, taken.Features);
    }

    [Fact]
    public void Take_NoIndices_EmptyOfTheSameWidth()
    {
        var taken = ThreeRows().Take([]);

        Assert.Equal(0, taken.Count);
        Assert.Empty(taken.X);
        Assert.Equal(2, taken.Features);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Create_NonPositiveFeatures_ThrowsSayingSo(int features)
    {
        var e = Assert.Throws<ArgumentException>(() => Dataset.Create([], [], features));

        Assert.Equal($"features must be positive, got {features}", e.Message);
    }

    [Theory]
    [InlineData(3, 2, 2, "X holds 3 values, expected 2 rows × 2 features = 4")]
    [InlineData(5, 2, 2, "X holds 5 values, expected 2 rows × 2 features = 4")]
    [InlineData(1, 0, 1, "X holds 1 values, expected 0 rows × 1 features = 0")]
    public void Create_XOfTheWrongLength_ThrowsWithTheCounts(int xLength, int rows, int features, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => Dataset.Create(new double[xLength], new double[rows], features));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Create_OneFeature_Accepted() =>
        Assert.Equal(1, Dataset.Create([4, 5], [1, 0], 1).Row(1).Length);
}
