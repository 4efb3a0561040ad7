using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Tests.Unit.Model;

/// <summary>
/// The loss from the logit, ℓ(s, y) = −[y log σ(s) + (1−y) log(1−σ(s))] = softplus(s) − y·s, where
/// softplus(s) = log(1 + e^s). Hence ℓ(s, 0) = softplus(s) and ℓ(s, 1) = softplus(−s).
/// </summary>
public sealed class BinaryCrossEntropyTests
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^−52

    // e^−40 = 4.248354255291588995...e-18 and log1p(e^−40) = e^−40 − e^−80/2 + … rounds to the same double
    // (mpmath, 50 digits). softplus(40) = 40 + 4.2e-18 rounds to 40. e^−1000 and e^−1e300 underflow to 0.
    public static TheoryData<double, double, double> ExtremeLogits() => new()
    {
        { 40, 0, 40.0 },
        { 40, 1, 4.248354255291589e-18 },
        { -40, 0, 4.248354255291589e-18 },
        { -40, 1, 40.0 },
        { 1e3, 0, 1e3 },
        { 1e3, 1, 0.0 },
        { -1e3, 0, 0.0 },
        { -1e3, 1, 1e3 },
        { 1e300, 0, 1e300 },
        { 1e300, 1, 0.0 },
        { -1e300, 0, 0.0 },
        { -1e300, 1, 1e300 },
    };

    [Theory]
    [MemberData(nameof(ExtremeLogits))]
    public void FromLogit_ExtremeLogit_EqualsAnalyticValue(double s, double y, double expected)
    {
        double loss = BinaryCrossEntropy.FromLogit(s, y);

        // One ulp of slack for the exponential (4e-16 relative); the zeros must be exact.
        Assert.True(Math.Abs(loss - expected) <= 4e-16 * expected, $"ℓ({s:R}, {y}) = {loss:R}, expected {expected:R}");
    }

    [Theory]
    [MemberData(nameof(ExtremeLogits))]
    public void FromLogit_ExtremeLogit_IsFiniteAndNonNegative(double s, double y, double expected)
    {
        _ = expected;
        double loss = BinaryCrossEntropy.FromLogit(s, y);

        Assert.True(double.IsFinite(loss) && loss >= 0, $"ℓ({s:R}, {y}) = {loss:R}");
    }

    [Fact]
    public void Mean_ExtremeLogits_IsTheMeanOfTheAnalyticValues()
    {
        double[] s = [1e300, -1e300, 40, -1e3];
        double[] y = [0, 0, 1, 1];

        // (1e300 + 0 + 4.25e-18 + 1000)/4 = 2.5e299 (the small terms vanish next to 1e300).
        Assert.Equal(2.5e299, BinaryCrossEntropy.Mean(s, y), 1e284);
    }

    /// <summary>
    /// On s ∈ [−18, 18], p = σ(s) ∈ [1.5e-8, 1 − 1.5e-8] lies inside the clip [1e-8, 1 − 1e-8], so the study's
    /// clipped form is the same function. Tolerance: 1e-9 relative, plus the clipped form's own rounding:
    /// it takes log of q = 1 − p (or p) rounded to a spacing of 2^−53 near 1, an absolute error up to
    /// about 2^−53/q ≤ 1.2e-16 in the log, which for ℓ ≈ e^−18 ≈ 1.5e-8 is 7e-9 relative. 4·2^−52 covers it.
    /// </summary>
    [Fact]
    public void Mean_LogitGridInsideClip_EqualsStudyClippedForm()
    {
        const double absoluteRounding = 4 * MachineEpsilon;
        for (double s = -18; s <= 18; s += 0.125)
        {
            double p = 1.0 / (1.0 + Math.Exp(-s));
            foreach (double y in (double[])[0.0, 1.0])
            {
                double clipped = BinaryCrossEntropy.MeanClipped([p], [y]);
                double fromLogit = BinaryCrossEntropy.Mean([s], [y]);
                Assert.True(Math.Abs(fromLogit - clipped) <= 1e-9 * clipped + absoluteRounding,
                    $"s = {s}, y = {y}: from logit {fromLogit:R}, clipped {clipped:R}");
            }
        }
    }

    // The vector path adds four rows at a time: lane j takes the rows i ≡ j (mod 4). The scalar fold of
    // FromLogit in those lanes is what a machine without 256-bit vectors computes; it must be the same bits.
    [Fact]
    public void Mean_EveryLength_EqualsTheFourLaneFoldOfFromLogitBitForBit()
    {
        var rng = new System.Random(41);
        for (int n = 1; n <= 70; n++)
        {
            var s = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() - 0.5) * 60).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => (double)rng.Next(2)).ToArray();
            var lanes = new double[4];
            for (int i = 0; i < n; i++) lanes[i % 4] += BinaryCrossEntropy.FromLogit(s[i], y[i]);
            double expected = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) / n;
            double actual = BinaryCrossEntropy.Mean(s, y);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"n = {n}: {expected:R} vs {actual:R}");
        }
    }

    [Fact]
    public void FromLogit_LogitGrid_WithinAFewUlpsOfTheMathLibraryForm()
    {
        for (double s = -40; s <= 40; s += 1.0 / 64)
        {
            foreach (double y in (double[])[0.0, 1.0])
            {
                // The same formula on the C library's exp and log (through Kahan's log1p).
                double reference = Math.Max(s, 0.0) - s * y + SpecialFunctions.Log1P(Math.Exp(-Math.Abs(s)));
                double loss = BinaryCrossEntropy.FromLogit(s, y);
                Assert.True(Math.Abs(loss - reference) <= 4 * MachineEpsilon * reference, $"ℓ({s}, {y}) = {loss:R}, expected about {reference:R}");
            }
        }
    }

    [Fact]
    public void MeanClipped_ProbabilityBeyondClip_IsBoundedByLogOfClip()
    {
        // p = 0 with y = 1 would be log 0 = −∞; the clip makes it −log(1e-8) = 18.420680743952367.
        Assert.Equal(-Math.Log(1e-8), BinaryCrossEntropy.MeanClipped([0.0], [1.0]), 1e-12);
    }

    [Fact]
    public void Mean_ScalarTwinAtEveryLength_SameBitsAsTheVectorLanesAndTheSoftplusForm()
    {
        // The scalar twin runs only where Vector256 is not accelerated; here both paths run on one machine.
        var random = new System.Random(20261202);
        for (int n = 1; n <= 41; n++)
        {
            var s = new double[n];
            var y = new double[n];
            double oracle = 0;
            for (int i = 0; i < n; i++)
            {
                s[i] = (random.NextDouble() - 0.5) * 60;
                y[i] = random.Next(2);
                // ℓ(s, y) = softplus(s) − y·s, with softplus written the textbook way (|s| ≤ 30: no overflow).
                oracle += Math.Log(1 + Math.Exp(s[i])) - y[i] * s[i];
            }
            oracle /= n;
            double vector = BinaryCrossEntropy.Mean(s, y, vectorized: true);
            double scalar = BinaryCrossEntropy.Mean(s, y, vectorized: false);
            Assert.Equal(BitConverter.DoubleToInt64Bits(vector), BitConverter.DoubleToInt64Bits(scalar));
            Assert.True(Math.Abs(scalar - oracle) <= 1e-12 * Math.Max(1, Math.Abs(oracle)), $"n = {n}: {scalar:R} against {oracle:R}");
        }
    }

    [Fact]
    public void Mean_LabelsOfAnotherLength_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.Mean(new double[3], new double[2]));
        Assert.Contains("3 logits but 2 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeanAndAccuracy_NoRows_AreNaN()
    {
        Assert.True(double.IsNaN(BinaryCrossEntropy.Mean([], [])));
        Assert.True(double.IsNaN(BinaryCrossEntropy.Accuracy([], [])));
    }

    [Fact]
    public void Accuracy_LabelsOfAnotherLength_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.Accuracy(new double[4], new double[5]));
        Assert.Contains("4 probabilities but 5 labels", e.Message, StringComparison.Ordinal);
    }

    // The study predicts class 1 where p >= 0.5: p = 0.5 itself is a prediction of 1.
    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 1.0, 0.0 }, 0.5)]
    [InlineData(new[] { 0.5, 0.4999999999999999, 0.9, 0.1 }, new[] { 1.0, 0.0, 1.0, 1.0 }, 0.75)]
    [InlineData(new[] { 0.0, 1.0, 0.7 }, new[] { 0.0, 1.0, 0.0 }, 2.0 / 3.0)]
    public void Accuracy_ProbabilitiesAtAndAroundOneHalf_CountThresholdAsClassOne(double[] p, double[] y, double expected) =>
        Assert.Equal(expected, BinaryCrossEntropy.Accuracy(p, y));

    // p = 0 and p = 1 are clipped to 1e-8 and 1 − 1e-8: the loss of a confident wrong answer is −ln 1e-8 = 8 ln 10
    // (to 1e-8 absolute: 1 − (1 − 1e-8) is 1e-8 only to the rounding of 1 − 1e-8, 5e-9 relative).
    [Fact]
    public void MeanClipped_ConfidentWrongAnswers_CostLnOfTheClip()
    {
        double expected = 8 * Math.Log(10);

        Assert.Equal(expected, BinaryCrossEntropy.MeanClipped([0.0], [1.0]), 1e-8);
        Assert.Equal(expected, BinaryCrossEntropy.MeanClipped([1.0], [0.0]), 1e-8);
        Assert.Equal(expected / 2, BinaryCrossEntropy.MeanClipped([1.0, 1.0], [0.0, 1.0]), 1e-8);
    }
}
