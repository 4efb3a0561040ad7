using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Metrics;

/// <summary>RunLog: rows appended epoch by epoch read back by row, by column and by cell, and its limits.</summary>
public sealed class RunLogTests
{
    // Row r holds (10r + 1, 10r + 2, 10r + 3) at epoch 5r: every cell names its own row and column.
    private static RunLog Filled(int rows, int capacity)
    {
        var log = new RunLog(["a", "b", "c"], capacity);
        for (int r = 0; r < rows; r++)
        {
            var row = log.Append(5 * r);
            for (int c = 0; c < 3; c++) row[c] = 10 * r + c + 1;
        }
        return log;
    }

    [Fact]
    public void Append_ThreeRows_ReadBackByRowColumnAndCell()
    {
        var log = Filled(3, capacity: 4);

        Assert.Equal(3, log.Count);
        Assert.Equal(4, log.Capacity);
        Assert.Equal(["a", "b", "c"], log.Columns);
        Assert.Equal([0, 5, 10], log.Epochs.ToArray());
        Assert.Equal(10, log.Epoch(2));
        Assert.Equal([11.0, 12.0, 13.0], log.Row(1).ToArray());
        Assert.Equal([2.0, 12.0, 22.0], log.Column("b"));
        Assert.Equal(23.0, log[2, "c"]);
        Assert.Equal(21.0, log[2, "a"]);
        Assert.Equal(2, log.ColumnIndex("c"));
    }

    [Fact]
    public void Append_FullLog_Throws()
    {
        var log = Filled(2, capacity: 2);
        var e = Assert.Throws<InvalidOperationException>(() => log.Append(99));
        Assert.Contains("full", e.Message);
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public void Clear_FilledLog_ForgetsTheRowsAndTakesNewOnes()
    {
        var log = Filled(2, capacity: 2);
        log.Clear();
        Assert.Equal(0, log.Count);
        Assert.Empty(log.Column("a"));
        Assert.Equal(0, log.Epochs.Length);
        log.Append(7)[1] = 4.5;
        Assert.Equal(1, log.Count);
        Assert.Equal(7, log.Epoch(0));
        Assert.Equal([4.5], log.Column("b"));
    }

    [Fact]
    public void Constructor_DuplicateColumn_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new RunLog(["a", "twice", "twice"], 1));
        Assert.Contains("'twice'", e.Message);
    }

    [Fact]
    public void ColumnIndex_UnknownColumn_ThrowsNamingItAndTheRecordedOnes()
    {
        var log = Filled(1, capacity: 1);
        Assert.True(log.HasColumn("b"));
        Assert.False(log.HasColumn("B")); // ordinal: names are case-sensitive
        var e = Assert.Throws<KeyNotFoundException>(() => log.ColumnIndex("B"));
        Assert.Contains("'B'", e.Message);
        Assert.Contains("a, b, c", e.Message);
        Assert.Throws<KeyNotFoundException>(() => log.Column("zz"));
    }
}
