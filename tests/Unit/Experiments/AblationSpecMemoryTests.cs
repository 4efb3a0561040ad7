using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>
/// MemoryProblem against a count written here from its documentation, in doubles: per run in progress
/// the data and split (8.5 per point), the weights and biases, a batch pass over the train rows and one
/// over the test rows (input, then per layer z, a, φ′, δ per row and the layer's gradients), and the pooled
/// diagnostics (3 per hidden unit and train row); and the logs: those the budget keeps, one per run in
/// progress and one being read back, never more than there are runs. A job fits while its bytes are at
/// most 80 % of the memory available; the tests probe the byte where it stops fitting.
/// </summary>
public sealed class AblationSpecMemoryTests
{
    private static readonly AblationSpec Spec = new() { Arch = [2, 16, 16, 1], N = 300, TestSize = 0.25, Epochs = 3000 };

    // Every metric the catalog declares for the network: a run with a test split and curvature on records them all.
    private static double Columns(AblationSpec spec) => RunExecutor.Columns(spec with { CurvatureEvery = 1, TestSize = 0.25 }, "relu").Count;

    private static double Parameters(IReadOnlyList<int> w)
    {
        double p = 0;
        for (int l = 1; l < w.Count; l++) p += w[l - 1] * w[l] + w[l];
        return p;
    }

    private static double Pass(IReadOnlyList<int> w, double rows)
    {
        double p = rows * w[0];
        for (int l = 1; l < w.Count; l++) p += 4 * rows * w[l] + w[l - 1] * w[l] + w[l];
        return p;
    }

    private static double Doubles(AblationSpec spec, int threads, int runs, long retained)
    {
        double test = spec.TestSize > 0 ? Math.Round(spec.N * spec.TestSize, MidpointRounding.ToEven) : 0, train = spec.N - test;
        double hidden = spec.Arch.Skip(1).SkipLast(1).Sum();
        double working = 8.5 * spec.N + Parameters(spec.Arch) + Pass(spec.Arch, train) + Pass(spec.Arch, test) + 3 * hidden * train;
        double log = ((spec.Epochs - 1) / spec.LogEvery + 2) * Columns(spec);
        double inProgress = Math.Max(1, Math.Min(threads, runs));
        double kept = Math.Floor(Math.Max(0, retained) / (8 * log));
        return inProgress * working + Math.Min(runs, kept + inProgress + 1) * log;
    }

    // The fewest bytes available that the job fits in (80 % of them at least its bytes).
    private static long Threshold(double doubles)
    {
        double bytes = 8 * doubles;
        long a = (long)Math.Ceiling(bytes / 0.8);
        while (0.8 * (a - 1) >= bytes) a--;
        while (0.8 * a < bytes) a++;
        return a;
    }

    private static void AssertFitsFrom(AblationSpec spec, int threads, int runs, long retained)
    {
        long edge = Threshold(Doubles(spec, threads, runs, retained));
        Assert.Null(spec.MemoryProblem(threads, runs, edge, retained));
        Assert.NotNull(spec.MemoryProblem(threads, runs, edge - 1, retained));
    }

    [Fact]
    public void MemoryProblem_NoLogKept_FitsFromItsWorkingSetsAndThreeLogs() => AssertFitsFrom(Spec, 2, 10, 0);

    [Fact]
    public void MemoryProblem_MoreThreadsThanRuns_CountsOneWorkingSetPerRun() => AssertFitsFrom(Spec, 8, 3, 0);

    [Fact]
    public void MemoryProblem_NoThreadCount_CountsOneRunInProgress() => AssertFitsFrom(Spec, 0, 5, 0);

    [Fact]
    public void MemoryProblem_BudgetOfFourLogs_CountsThemBesideTheRunsInProgress()
    {
        double log = (3000 - 1 + 2) * Columns(Spec);
        AssertFitsFrom(Spec, 1, 100, (long)(8 * log * 4) + 7);
    }

    [Fact]
    public void MemoryProblem_BudgetBeyondTheRuns_CountsEveryRunsLogOnce() => AssertFitsFrom(Spec, 2, 6, long.MaxValue);

    [Fact]
    public void MemoryProblem_NegativeBudget_KeepsNoLog()
    {
        Assert.Equal(Spec.MemoryProblem(2, 50, 1L << 20, 0), Spec.MemoryProblem(2, 50, 1L << 20, -(1L << 40)));
        AssertFitsFrom(Spec, 2, 50, -5);
    }

    [Fact]
    public void MemoryProblem_NoTestSplit_CountsEveryPointAsATrainRow() => AssertFitsFrom(Spec with { TestSize = 0 }, 1, 4, 0);

    [Fact]
    public void MemoryProblem_OddTestRows_RoundHalfToEven() =>
        // 10 · 0.25 = 2.5 test rows: 2, so 8 train rows
        AssertFitsFrom(Spec with { N = 10, Arch = [2, 7, 3, 1] }, 3, 7, 0);

    [Fact]
    public void MemoryProblem_LogEveryFive_CountsEveryFifthEpoch() => AssertFitsFrom(Spec with { Epochs = 3001, LogEvery = 5 }, 2, 9, 0);

    [Fact]
    public void MemoryProblem_DefaultBudget_Is128MiBOfLogs() =>
        Assert.Equal(Spec.MemoryProblem(2, 10_000, 1L << 31, 128L << 20), Spec.MemoryProblem(2, 10_000, 1L << 31));

    [Fact]
    public void MemoryProblem_TooBig_OneLineNamingTheSweepAndTheWayOut()
    {
        string? m = Spec.MemoryProblem(3, 120, 1000, 0);

        Assert.NotNull(m);
        Assert.StartsWith("too big for this machine: --arch 2,16,16,1 with --n 300, --epochs 3000 at --log-every 1, 120 runs on --threads 3 needs about ", m);
        Assert.EndsWith("; expected narrower layers, a smaller --n, fewer --threads or fewer epochs logged", m);
        Assert.DoesNotContain('\n', m);
    }

    [Fact]
    public void MemoryProblem_ALayerBeyondTheLargestArray_IsRefusedWhateverTheMemory()
    {
        // 50,000 × 50,000 weights are 2.5e9 elements, past .NET's array limit of about 2.147e9.
        var wide = Spec with { Arch = [2, 50_000, 50_000, 1], N = 4, Epochs = 2 };

        Assert.Contains("needs an array of", wide.MemoryProblem(1, 1, long.MaxValue, 0));
    }

    [Fact]
    public void MemoryProblem_HiddenUnitsTimesRowsBeyondTheLargestArray_IsRefused()
    {
        // The pooled diagnostics keep one array of hidden units × train rows: 2 · 1000 units × 1.2e6 rows = 2.4e9.
        var tall = Spec with { Arch = [2, 1000, 1000, 1], N = 1_200_000, TestSize = 0, Epochs = 2 };

        Assert.Contains("needs an array of", tall.MemoryProblem(1, 1, long.MaxValue, 0));
    }

    [Fact]
    public void MemoryProblem_RowsTimesAWidthBeyondTheLargestArray_IsRefused()
    {
        // One hidden layer of 2,000 units over 1.2e6 rows: 2.4e9 in a pass's z.
        var tall = Spec with { Arch = [2, 2000, 1], N = 1_200_000, TestSize = 0, Epochs = 2 };

        Assert.Contains("needs an array of", tall.MemoryProblem(1, 1, long.MaxValue, 0));
    }
}
