using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>SeedRun from a log in memory and from a digest with a loader: the same answers, and the loader called only when needed.</summary>
public sealed class SeedRunTests
{
    private static readonly SettingKey Setting = new("relu", "xavier", 1.0);

    // m: 0.1, 0.5, 0.9, 0.7 at epochs 0, 10, 20, 30; n: 3, 2, 1, 0.
    private static RunResult Result(int? divergedAt = null)
    {
        var log = new RunLog(["m", "n"], 4);
        double[] m = [0.1, 0.5, 0.9, 0.7];
        for (int r = 0; r < 4; r++)
        {
            var row = log.Append(10 * r);
            row[0] = m[r];
            row[1] = 3 - r;
        }
        return new RunResult(Setting.WithSeed(17), log, divergedAt);
    }

    private static IEnumerable<SeedRun> BothKinds(int? divergedAt = null)
    {
        var run = Result(divergedAt);
        yield return new SeedRun(run.Key.Seed, run.Log, run.DivergedAt);
        yield return new SeedRun(RunDigest.Of(run, "m"), () => run.Log);
    }

    [Fact]
    public void Reads_LogOrDigest_FirstLastEpochToAndColumn()
    {
        Assert.All(BothKinds(), r =>
        {
            Assert.Equal(17, (int)r.Seed);
            Assert.False(r.Diverged);
            Assert.Equal(0.1, r.Initial("m"));
            Assert.Equal(0.7, r.Final("m"));
            Assert.Equal(0.0, r.Final("n"));
            Assert.Equal(3.0, r.Initial("n"));
            Assert.Equal(10, r.EpochTo("m", 0.5, 999));
            Assert.Equal(20, r.EpochTo("m", 0.8, 999));
            Assert.Equal(999, r.EpochTo("m", 0.95, 999)); // never reached: the budget
            Assert.Equal(0, r.EpochTo("n", 2.5, 999));
            Assert.Equal([3.0, 2.0, 1.0, 0.0], r.Column("n"));
            Assert.True(r.HasMetric("n"));
            Assert.False(r.HasMetric("zz"));
        });
    }

    [Fact]
    public void Diverged_LogOrDigest_Marked() => Assert.All(BothKinds(divergedAt: 20), r => Assert.True(r.Diverged));

    [Fact]
    public void Digest_FirstAndLastValues_NeverLoadTheLogAndTimesLoadItOnce()
    {
        var run = Result();
        int loads = 0;
        var seed = new SeedRun(RunDigest.Of(run, "m"), () => { loads++; return run.Log; });
        Assert.Equal(0.7, seed.Final("m"));
        Assert.Equal(0.1, seed.Initial("m"));
        Assert.True(seed.HasMetric("m"));
        Assert.Equal(0, loads);
        Assert.Equal(20, seed.EpochTo("m", 0.8, 999));
        Assert.Equal(20, seed.EpochTo("m", 0.8, 5)); // kept: the same first epoch, not read again
        Assert.Equal(999, seed.EpochTo("m", 0.95, 999));
        Assert.Equal(5, seed.EpochTo("m", 0.95, 5)); // never reached is kept as such, whatever the budget
        Assert.Equal(2, loads);
    }

    [Fact]
    public void Digest_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new SeedRun(null!, () => throw new InvalidOperationException()));

    [Fact]
    public void SeedValues_RunSetAndList_SameRunsPerSettingInSeedOrder()
    {
        var runs = new[] { 3, 1, 2 }.Select(s => new RunResult(Setting.WithSeed(s), Result().Log, s == 2 ? 10 : null)).ToArray();
        var spec = Presets.Paper with { Seeds = [1, 2, 3] };
        foreach (var values in new[] { SeedValues.Of(spec, runs), SeedValues.Of(spec, RunSet.Of(spec, runs)) })
        {
            Assert.Same(spec, values.Spec);
            Assert.Equal([1, 2, 3], values.Runs(Setting).Select(r => (int)r.Seed));
            Assert.Equal([false, true, false], values.Runs(Setting).Select(r => r.Diverged));
            Assert.Equal(0.7, values.Runs(Setting)[2].Final("m"));
            Assert.Equal(20, values.Runs(Setting)[0].EpochTo("m", 0.8, 999));
            Assert.Empty(values.Runs(new SettingKey("tanh", "xavier", 1.0)));
        }
    }
}
