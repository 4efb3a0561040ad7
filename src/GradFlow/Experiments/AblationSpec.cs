using System.Numerics;
using System.Text.Json.Serialization;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Metrics;
using GradFlow.Model;
using static System.FormattableString;

namespace GradFlow.Experiments;

/// <summary>
/// An ablation: activations × inits × scales × seeds, everything else held fixed. Each run draws its
/// data, split and initial weights from <c>default_rng(seed)</c>, as the study does.
/// </summary>
public sealed record AblationSpec
{
    public string Name { get; init; } = "custom";
    public IReadOnlyList<string> Activations { get; init; } = ActivationRegistry.StudyNames;
    public IReadOnlyList<string> Inits { get; init; } = ["xavier"];
    public IReadOnlyList<double> Scales { get; init; } = [1.0];
    /// <summary>Any integers >= 0, as np.random.default_rng takes them (SeedSequence splits a big one into 32-bit words).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(SeedListJsonConverter))]
    public IReadOnlyList<BigInteger> Seeds { get; init; } = [0];
    public IReadOnlyList<int> Arch { get; init; } = [2, 16, 16, 1];
    public int N { get; init; } = 300;
    public double Noise { get; init; } = 0.1;
    public double TestSize { get; init; } = 0.25;
    public bool RelabelAfterNoise { get; init; }
    public double LearningRate { get; init; } = 0.05;
    public int Epochs { get; init; } = 3000;
    public double DerivEps { get; init; } = 1e-3;
    public double ZLinearEps { get; init; } = 0.1;
    public int LogEvery { get; init; } = 1;

    /// <summary>
    /// The learning-rate axis (<c>--lrs</c>); null means the one rate <see cref="LearningRate"/>. Left out of
    /// manifest.json when null, so that a spec without it serialises as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? LearningRates { get; init; }

    /// <summary>Record the curvature group every K-th epoch and the dynamics group every epoch; 0 (the default, left out of manifest.json) records neither.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int CurvatureEvery { get; init; }

    /// <summary>The rates the sweep trains at, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Rates => LearningRates ?? [LearningRate];

    /// <summary>The learning rate of a setting: its own on a multi-rate sweep, else the sweep's one rate.</summary>
    public double RateOf(SettingKey setting) => setting.LearningRate ?? Rates[0];

    public Architecture Architecture => new(Arch);

    /// <summary>Values one run may log (2^27 doubles, 1 GiB).</summary>
    public const long MaxLoggedValues = 1L << 27;

    // Upper bound of the metric columns a run records: every metric of the catalog.
    private long MetricColumnBound => MetricCatalog.ColumnBound(Arch.Count - 1);
    public bool HasTestSplit => TestSize > 0;

    /// <summary>The accuracy the study compares: test accuracy with a split, train accuracy without.</summary>
    public string AccuracyMetric => MetricCatalog.Accuracy(HasTestSplit).Name;

    /// <summary>Every run in a fixed order: activation, then init, then scale, then seed.</summary>
    public IReadOnlyList<RunKey> Runs()
    {
        var runs = new List<RunKey>(Activations.Count * Inits.Count * Scales.Count * Seeds.Count);
        foreach (var settings in Settings())
            foreach (var seed in Seeds) runs.Add(settings.WithSeed(seed));
        return runs;
    }

    /// <summary>Every (activation, init, scale[, lr]) in run order; the rate is part of a setting only when the sweep has more than one.</summary>
    public IReadOnlyList<SettingKey> Settings()
    {
        var settings = new List<SettingKey>();
        var rates = Rates;
        foreach (var a in Activations)
            foreach (var i in Inits)
                foreach (var s in Scales)
                    foreach (var r in rates) settings.Add(new SettingKey(a, i, s, rates.Count > 1 ? r : null));
        return settings;
    }

    /// <summary>Throws <see cref="SpecException"/> naming the first invalid field and what it accepts.</summary>
    public AblationSpec Validate()
    {
        if (Activations.Count == 0) throw new SpecException("activations: at least one is needed; valid: " + string.Join(", ", ActivationRegistry.Names));
        foreach (var a in Activations)
            if (!ActivationRegistry.TryGet(a, out _)) throw new SpecException(Invariant($"activations: unknown activation '{a}'; valid: {string.Join(", ", ActivationRegistry.Names)}"));
        if (Inits.Count == 0) throw new SpecException("inits: at least one is needed; valid: " + string.Join(", ", InitSchemes.Names));
        foreach (var i in Inits)
            if (!InitSchemes.Names.Contains(i)) throw new SpecException(Invariant($"inits: unknown init '{i}'; valid: {string.Join(", ", InitSchemes.Names)}"));
        if (Scales.Count == 0) throw new SpecException("scales: at least one is needed, each a finite number > 0");
        foreach (var s in Scales)
            if (!(s > 0) || double.IsInfinity(s)) throw new SpecException(Invariant($"scales: {s} is not a finite number > 0"));
        if (Seeds.Count == 0) throw new SpecException("seeds: at least one is needed, e.g. 0-9 or 0,3,7");
        if (Seeds.Distinct().Count() != Seeds.Count) throw new SpecException("seeds: each seed may appear once");
        if (Activations.Distinct().Count() != Activations.Count || Inits.Distinct().Count() != Inits.Count || Scales.Distinct().Count() != Scales.Count)
            throw new SpecException("activations, inits and scales: each value may appear once");
        try { _ = Architecture; }
        catch (ArgumentException e) { throw new SpecException("arch: " + e.Message); }
        if (Arch[0] != 2) throw new SpecException(Invariant($"arch: the XOR data has 2 features, so the input width must be 2, got [{string.Join(",", Arch)}]"));
        if (N <= 0) throw new SpecException(Invariant($"n: {N} is not a positive integer"));
        if (!(Noise >= 0) || double.IsInfinity(Noise)) throw new SpecException(Invariant($"noise: {Noise} is not a finite number >= 0"));
        if (Noise > Xor.MaxNoise) throw new SpecException(Invariant($"noise: {Noise} is beyond 1e300, where the noisy points can overflow to infinity; expected a number in [0, 1e300]"));
        if (!(TestSize >= 0 && TestSize < 1)) throw new SpecException(Invariant($"test-size: {TestSize} is not in [0, 1)"));
        int testRows = Xor.TestRows(N, TestSize);
        if (TestSize > 0 && testRows >= N)
            throw new SpecException(Invariant($"test-size: {TestSize} of n = {N} leaves no training rows"));
        if (TestSize > 0 && testRows == 0)
            throw new SpecException(Invariant($"test-size: {TestSize} of n = {N} rounds to no test rows; use 0 for no split or a size with round(n·size) >= 1"));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new SpecException(Invariant($"lr: {LearningRate} is not a finite number > 0"));
        if (LearningRates is { } lrs)
        {
            if (lrs.Count == 0) throw new SpecException("lrs: at least one is needed, each a finite number > 0");
            foreach (var r in lrs)
                if (!(r > 0) || double.IsInfinity(r)) throw new SpecException(Invariant($"lrs: {r} is not a finite number > 0"));
            if (lrs.Distinct().Count() != lrs.Count) throw new SpecException("lrs: each rate may appear once");
        }
        if (CurvatureEvery < 0) throw new SpecException(Invariant($"curvature-every: {CurvatureEvery} is not an integer >= 0 (0 = off)"));
        if (CurvatureEvery > 0 && LogEvery != 1)
            throw new SpecException(Invariant($"curvature-every: the dynamics instruments compare consecutive epochs, so they need every epoch recorded; use --log-every 1, not {LogEvery}"));
        if (Epochs <= 0) throw new SpecException(Invariant($"epochs: {Epochs} is not a positive integer"));
        if (!(DerivEps > 0) || double.IsInfinity(DerivEps)) throw new SpecException(Invariant($"deriv-eps: {DerivEps} is not a finite number > 0"));
        if (!(ZLinearEps > 0) || double.IsInfinity(ZLinearEps)) throw new SpecException(Invariant($"z-linear-eps: {ZLinearEps} is not a finite number > 0"));
        if (LogEvery <= 0) throw new SpecException(Invariant($"log-every: {LogEvery} is not a positive integer"));
        // A run keeps its whole log in memory: bound it before anything is written.
        long values = ((long)(Epochs - 1) / LogEvery + 2) * MetricColumnBound;
        if (values > MaxLoggedValues)
            throw new SpecException(Invariant($"epochs: {Epochs} epochs logged every {LogEvery} would keep about {values} values per run; at most {MaxLoggedValues} (fewer epochs or a larger --log-every)"));
        return this;
    }

    /// <summary>
    /// Null when <paramref name="runs"/> runs on <paramref name="threads"/> threads fit in
    /// <paramref name="availableBytes"/>, else the one-line refusal naming the sizes (checked before
    /// anything is allocated or written). Counted in doubles: the data and its split (about 8.5 per
    /// point), the model, a batch pass over the train rows and one over the test rows, the pooled
    /// diagnostics (3 per hidden unit and train row) while a run trains; and the logs: those a sweep keeps
    /// (<see cref="RunSet"/>: at most <paramref name="retainedBytes"/> of them, the rest are read back from
    /// their files), one per run in progress and one being read back.
    /// </summary>
    public string? MemoryProblem(int threads, int runs, long availableBytes, long retainedBytes = RunSet.DefaultRetainedBytes)
    {
        var widths = Arch;
        double testRows = HasTestSplit ? Math.Round(N * TestSize, MidpointRounding.ToEven) : 0, trainRows = N - testRows;
        double working = 8.5 * N + NetworkSize.Parameters(widths) + NetworkSize.Pass(widths, trainRows) + NetworkSize.Pass(widths, testRows)
                         + 3 * NetworkSize.HiddenUnits(widths) * trainRows;
        double log = ((double)(Epochs - 1) / LogEvery + 2) * MetricColumnBound;
        double largest = Math.Max(2.0 * N, Math.Max(NetworkSize.LargestArray(widths, trainRows), NetworkSize.HiddenUnits(widths) * trainRows));
        double parallel = Math.Max(1, Math.Min(threads, runs));
        double logs = Math.Min(runs, Math.Floor(Math.Max(0, retainedBytes) / (sizeof(double) * log)) + parallel + 1);
        var problem = Numerics.MemoryBudget.Problem(parallel * working + logs * log, largest, availableBytes);
        return problem is null ? null
            : Invariant($"too big for this machine: --arch {string.Join(",", Arch)} with --n {N}, --epochs {Epochs} at --log-every {LogEvery}, {runs} runs on --threads {threads} {problem}; expected narrower layers, a smaller --n, fewer --threads or fewer epochs logged");
    }
}
