using GradFlow.Activations;
using static GradFlow.Experiments.ClaimReads;

namespace GradFlow.Experiments;

/// <summary>
/// The study's nine conclusions as declared claims (the seed, paper and deep presets' configurations).
/// Seeds pair up across activations and scales (a seed fixes the data, the split and the initial weights'
/// draws), so per-seed comparisons use the paired tests; claim 3 and claim 6 compare two groups of seeds
/// with Mann–Whitney, as the study's pairwise tests do.
/// </summary>
public static class StudyClaims
{
    private static readonly string[] Smooth = [.. ActivationRegistry.SmoothStudyNames];
    private static readonly string[] All4 = [.. ActivationRegistry.StudyNames];
    private static readonly double[] PaperScales = [0.5, 1.0, 2.0];

    private static SettingKey Seed(string activation) => new(activation, "gaussian", 1.0);
    private static SettingKey Paper(string activation, double scale) => new(activation, "xavier", scale);

    private const string SeedConfiguration = "the seed preset's configuration ([2, 16, 16, 1], N(0, 0.1²) init, no test split, 2000 epochs; any seeds)";
    private const string PaperConfiguration = "the paper preset's configuration ([2, 16, 16, 1], Xavier at scales 0.5, 1, 2, 25 % test split, 3000 epochs; any seeds)";
    private const string DeepConfiguration = "the deep preset's architecture (eight hidden layers of 32, Xavier and He at scale 1; any seeds and epochs)";

    public static Claim Claim1 { get; } = new(
        "1",
        "In the first study ReLU reaches train accuracy 0.90 within the budget and no smooth activation reaches 0.80.",
        SeedConfiguration, ["train_acc"],
        "per seed, the best train accuracy against the threshold: Wilcoxon signed-rank of (best − threshold) and the 95 % bootstrap interval of its mean",
        "relu above 0.90; tanh, arctan, softsign below 0.80", "matched rank-biserial of (best − threshold)",
        StudyConfiguration.Of(Presets.Seed),
        [
            new ClaimComparison("relu best train_acc vs 0.90", ClaimTest.Wilcoxon, Expectation.Greater,
                Each(Seed("relu"), "train_acc", r => r.Column("train_acc").Max(), "best train_acc")) { Threshold = 0.90 },
            .. Smooth.Select(a => new ClaimComparison($"{a} best train_acc vs 0.80", ClaimTest.Wilcoxon, Expectation.Less,
                Each(Seed(a), "train_acc", r => r.Column("train_acc").Max(), "best train_acc")) { Threshold = 0.80 }),
        ]);

    public static Claim Claim2 { get; } = new(
        "2",
        "In the first study tanh and arctan are nearly identical (accuracy curves within 1 % of the points at every epoch) and arctan lags: its final loss is above tanh's.",
        SeedConfiguration, ["train_acc", "train_loss"],
        "per seed, the largest tanh–arctan accuracy gap against 0.01 (Wilcoxon signed-rank and bootstrap interval); arctan against tanh final train loss (Wilcoxon signed-rank, paired by seed)",
        "gap below 0.01; arctan's loss above tanh's", "matched rank-biserial",
        StudyConfiguration.Of(Presets.Seed),
        [
            // 3/300 and 0.01 differ in the last bits: the 1e-12 only lets a gap of exactly 3 points of 300 count as 1 %.
            new ClaimComparison("largest |tanh − arctan| train_acc gap vs 0.01", ClaimTest.Wilcoxon, Expectation.Less,
                EachPair(Seed("tanh"), Seed("arctan"), "train_acc", LargestGap, "largest tanh–arctan train_acc gap")) { Threshold = 0.01 + 1e-12 },
            new ClaimComparison("arctan vs tanh final train_loss", ClaimTest.Wilcoxon, Expectation.Greater,
                PairedFinals(Seed("arctan"), Seed("tanh"), "train_loss")),
        ]);

    public static Claim Claim3 { get; } = new(
        "3",
        "At scale 0.5 ReLU's final test accuracy exceeds tanh's and arctan's.",
        PaperConfiguration, ["test_acc"],
        "two-sided Mann–Whitney U of final test accuracy, relu's seeds against the other's",
        "relu above", "rank-biserial (positive: relu ahead)",
        StudyConfiguration.Of(Presets.Paper),
        [.. new[] { "tanh", "arctan" }.Select(a => new ClaimComparison($"scale 0.5: relu vs {a}", ClaimTest.MannWhitney, Expectation.Greater,
            Groups(Paper("relu", 0.5), Paper(a, 0.5), "test_acc")))])
    {
        Alpha = 0.01,
    };

    public static Claim Claim4 { get; } = new(
        "4",
        "At every scale ReLU reaches test accuracy 0.85 before each smooth activation.",
        PaperConfiguration, ["test_acc"],
        "Wilcoxon signed-rank of the per-seed epoch to test accuracy 0.85 (a seed that never gets there counts as the budget), relu against each smooth activation",
        "relu earlier", "matched rank-biserial (negative: relu earlier)",
        StudyConfiguration.Of(Presets.Paper),
        [.. PaperScales.SelectMany(s => Smooth.Select(a => new ClaimComparison($"scale {F(s)}: relu vs {a}", ClaimTest.Wilcoxon, Expectation.Less,
            PairedEpochsTo(Paper("relu", s), Paper(a, s), "test_acc", 0.85))))]);

    public static Claim Claim5 { get; } = new(
        "5",
        "At scales 1 and 2 arctan reaches test accuracy 0.85 later than tanh.",
        PaperConfiguration, ["test_acc"],
        "exact sign test of the per-seed epochs to test accuracy 0.85, arctan against tanh (seeds where they tie dropped)",
        "arctan later", "sign effect (positive: arctan later)",
        StudyConfiguration.Of(Presets.Paper),
        [.. new[] { 1.0, 2.0 }.Select(s => new ClaimComparison($"scale {F(s)}: arctan vs tanh", ClaimTest.Sign, Expectation.Greater,
            PairedEpochsTo(Paper("arctan", s), Paper("tanh", s), "test_acc", 0.85)))]);

    public static Claim Claim6 { get; } = new(
        "6",
        "At scales 1 and 2 all four activations end alike: no significant difference in final test accuracy and means within 0.02.",
        PaperConfiguration, ["test_acc"],
        "two-sided Mann–Whitney U of final test accuracy for each pair, and the difference of the means against 0.02",
        "alike", "rank-biserial",
        StudyConfiguration.Of(Presets.Paper),
        [.. new[] { 1.0, 2.0 }.SelectMany(s => Pairs4().Select(p => new ClaimComparison($"scale {F(s)}: {p.A} vs {p.B}", ClaimTest.MannWhitney, Expectation.Alike,
            Groups(Paper(p.A, s), Paper(p.B, s), "test_acc")) { Margin = 0.02 }))]);

    public static Claim Claim7 { get; } = new(
        "7",
        "At scale 2 tanh's derivative tail separates: its final dphi_p01_abs is at most a tenth of arctan's and softsign's.",
        PaperConfiguration, ["dphi_p01_abs"],
        "per seed, the ratio of tanh's final dphi_p01_abs to the other's against 0.1: Wilcoxon signed-rank of (ratio − 0.1) and the 95 % bootstrap interval of its mean",
        "ratio below 0.1", "matched rank-biserial of (ratio − 0.1)",
        StudyConfiguration.Of(Presets.Paper),
        [.. new[] { "arctan", "softsign" }.Select(a => new ClaimComparison($"scale 2: tanh / {a} dphi_p01_abs vs 0.1", ClaimTest.Wilcoxon, Expectation.Less,
            EachPair(Paper("tanh", 2.0), Paper(a, 2.0), "dphi_p01_abs", (t, o) => t.Final("dphi_p01_abs") / o.Final("dphi_p01_abs"), $"tanh / {a} final dphi_p01_abs")) { Threshold = 0.1 })]);

    public static Claim Claim8 { get; } = new(
        "8",
        "Larger initialisation leaves the linear regime: every activation's final z_p90_abs rises from scale 0.5 to 1 to 2, and at scale 0.5 tanh's and arctan's z_near0_rate exceed ReLU's.",
        PaperConfiguration, ["z_p90_abs", "z_near0_rate"],
        "Wilcoxon signed-rank of per-seed final values, paired by seed (the larger scale against the smaller; tanh or arctan against relu)",
        "larger scale higher; tanh and arctan above relu", "matched rank-biserial (positive: as stated)",
        StudyConfiguration.Of(Presets.Paper),
        [
            .. All4.SelectMany(a => new[] { (Low: 0.5, High: 1.0), (Low: 1.0, High: 2.0) }.Select(s =>
                new ClaimComparison($"{a}: z_p90_abs at scale {F(s.High)} vs {F(s.Low)}", ClaimTest.Wilcoxon, Expectation.Greater,
                    PairedFinals(Paper(a, s.High), Paper(a, s.Low), "z_p90_abs")))),
            .. new[] { "tanh", "arctan" }.Select(a => new ClaimComparison($"scale 0.5: {a} vs relu z_near0_rate", ClaimTest.Wilcoxon, Expectation.Greater,
                PairedFinals(Paper(a, 0.5), Paper("relu", 0.5), "z_near0_rate"))),
        ]);

    public static Claim Claim9 { get; } = new(
        "9",
        "In depth, Xavier makes ReLU's backpropagated signal vanish toward the input (entering layer 1 under a quarter of that entering the last hidden layer) while He keeps its size (within a factor of 2.5) (He et al., 2015).",
        DeepConfiguration, ["delta_norm_L1", "delta_norm_L{last hidden}"],
        "per seed, at the initial network, ‖∂L/∂z‖ entering layer 1 over that entering the last hidden layer against the bound: Wilcoxon signed-rank and the 95 % bootstrap interval of the mean (He: of |ln ratio| against ln 2.5)",
        "Xavier ratio below 0.25; He |ln ratio| below ln 2.5", "matched rank-biserial",
        StudyConfiguration.Of(Presets.Deep, anyEpochs: true),
        [
            new ClaimComparison("relu, xavier: first / last hidden delta_norm vs 0.25", ClaimTest.Wilcoxon, Expectation.Less,
                Each(new SettingKey("relu", "xavier", 1.0), "delta_norm_L1", SignalRatio, "first / last hidden delta_norm at epoch 0")) { Threshold = 0.25 },
            new ClaimComparison("relu, he: |ln(first / last hidden delta_norm)| vs ln 2.5", ClaimTest.Wilcoxon, Expectation.Less,
                Each(new SettingKey("relu", "he", 1.0), "delta_norm_L1", r => Math.Abs(Math.Log(SignalRatio(r))), "|ln(first / last hidden delta_norm)| at epoch 0")) { Threshold = Math.Log(2.5) },
        ]);

    public static IReadOnlyList<Claim> All { get; } = [Claim1, Claim2, Claim3, Claim4, Claim5, Claim6, Claim7, Claim8, Claim9];

    private static double LargestGap(SeedRun tanh, SeedRun arctan)
    {
        double[] a = tanh.Column("train_acc"), b = arctan.Column("train_acc");
        double gap = 0.0;
        for (int e = 0; e < Math.Min(a.Length, b.Length); e++) gap = Math.Max(gap, Math.Abs(a[e] - b[e]));
        return gap;
    }

    // The deep preset's last hidden layer is L{arch − 2}: eight hidden layers give delta_norm_L1 … delta_norm_L9 with L8 the last hidden.
    private static double SignalRatio(SeedRun r) => r.Initial("delta_norm_L1") / r.Initial($"delta_norm_L{Presets.Deep.Arch.Count - 2}");

    private static IEnumerable<(string A, string B)> Pairs4()
    {
        for (int i = 0; i < All4.Length; i++)
            for (int j = i + 1; j < All4.Length; j++) yield return (All4[i], All4[j]);
    }
}
