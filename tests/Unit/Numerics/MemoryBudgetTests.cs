using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Numerics;

/// <summary>
/// The budget's two limits at their edges (an array of exactly Array.MaxLength fits, one more does not;
/// 8 bytes a value against 80 % of what is available, equality fitting) and its messages, word for word.
/// </summary>
public sealed class MemoryBudgetTests
{
    [Fact]
    public void Problem_ArrayOfExactlyTheMaximumLength_Fits() =>
        Assert.Null(MemoryBudget.Problem(1, Array.MaxLength, 1L << 40));

    [Fact]
    public void Problem_ArrayOneLongerThanTheMaximum_NamesItsLengthAndTheLimit()
    {
        // Array.MaxLength is 0x7FFFFFC7 = 2147483591; one more in four significant digits is 2.147E+09.
        string? problem = MemoryBudget.Problem(1, Array.MaxLength + 1.0, 1L << 40);
        Assert.Equal("needs an array of 2.147E+09 values, more than the 2147483591 an array can hold", problem);
    }

    [Fact]
    public void Problem_ExactlyTheUsableFraction_Fits() =>
        // 10⁹ values of 8 bytes are 8·10⁹ bytes, 80 % of 10¹⁰.
        Assert.Null(MemoryBudget.Problem(1e9, 1, 10_000_000_000L));

    [Fact]
    public void Problem_OneValueMoreThanTheUsableFraction_SaysHowMuchAgainstWhat()
    {
        string? problem = MemoryBudget.Problem(1e9 + 1, 1, 10_000_000_000L);
        Assert.Equal("needs about 8 GB of memory, more than the 8 GB this machine can give it (80% of 10 GB available)", problem);
    }

    [Fact]
    public void Problem_SmallMachine_ReportsMegabytes()
    {
        // 5·10⁷ values are 4·10⁸ bytes; 80 % of 4.5·10⁸ is 3.6·10⁸.
        string? problem = MemoryBudget.Problem(5e7, 5e7, 450_000_000L);
        Assert.Equal("needs about 400 MB of memory, more than the 360 MB this machine can give it (80% of 450 MB available)", problem);
    }

    [Theory]
    [InlineData(1e9, "1 GB")]
    [InlineData(999_999_999.0, "1000 MB")]
    [InlineData(1.5e9, "1.5 GB")]
    [InlineData(2.5e8, "250 MB")]
    [InlineData(1.25e5, "0.1 MB")]
    [InlineData(3.6e12, "3600 GB")]
    public void Gigabytes_EitherSideOfOneGigabyte_UsesTheUnitWithOneDecimal(double bytes, string expected) =>
        Assert.Equal(expected, MemoryBudget.Gigabytes(bytes));

    [Fact]
    public void AvailableBytes_IsWhatTheGcReports() =>
        Assert.Equal(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, MemoryBudget.AvailableBytes);
}
