using GradFlow.Random;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>The study's XOR data, train/test split and Xavier weights, drawn at the Generator level.</summary>
public sealed class StudyVectorsTests
{
    private static readonly int[] Arch = [2, 16, 16, 1];

    public static TheoryData<string> Seeds => OracleVectors.SeedNames;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void XorData_N300Noise01_MatchesNumPy(string seed)
    {
        var xor = OracleVectors.ForSeed(seed).GetProperty("xor");
        int n = xor.GetProperty("n").GetInt32();
        var rng = Generator.DefaultRng(UInt128.Parse(seed));
        var u = new double[2 * n];
        var noise = new double[2 * n];
        rng.Uniform(-1, 1, u);
        rng.Normal(0, xor.GetProperty("noise").GetDouble(), noise);
        var y = new double[n];
        var x = new double[2 * n];
        for (int i = 0; i < n; i++) y[i] = u[2 * i] * u[2 * i + 1] < 0 ? 1.0 : 0.0;
        for (int i = 0; i < 2 * n; i++) x[i] = u[i] + noise[i];

        BitAssert.Equal(OracleVectors.Bits(xor.GetProperty("uniform")), u, "uniform");
        BitAssert.Equal(OracleVectors.Bits(xor.GetProperty("normal")), noise, "noise");
        BitAssert.Equal(OracleVectors.Bits(xor.GetProperty("X")), x, "X");
        BitAssert.Equal(OracleVectors.Bits(xor.GetProperty("y")), y, "y");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Permutation_TrainTestSplit_MatchesNumPy(string seed)
    {
        var split = OracleVectors.ForSeed(seed).GetProperty("split");
        int n = split.GetProperty("n").GetInt32();
        int nTest = (int)Math.Round(n * 0.25, MidpointRounding.ToEven); // Python's round()
        Assert.Equal(split.GetProperty("n_test").GetInt32(), nTest);

        var perm = Generator.DefaultRng(UInt128.Parse(seed)).Permutation(n);
        Assert.Equal(OracleVectors.Ints(split.GetProperty("perm")), perm);
        Assert.Equal(OracleVectors.Ints(split.GetProperty("test")), perm[..nTest]);
        Assert.Equal(OracleVectors.Ints(split.GetProperty("train")), perm[nTest..]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normal_XavierInitArch2x16x16x1_MatchesNumPyWeights(string seed)
    {
        foreach (var entry in OracleVectors.ForSeed(seed).GetProperty("xavier").EnumerateArray())
        {
            double s = entry.GetProperty("scale").GetDouble();
            var rng = Generator.DefaultRng(UInt128.Parse(seed));
            var weights = new List<double>();
            for (int layer = 0; layer + 1 < Arch.Length; layer++)
            {
                int fanIn = Arch[layer], fanOut = Arch[layer + 1];
                var w = new double[fanIn * fanOut]; // row-major (fan_in, fan_out)
                rng.Normal(0, s * Math.Sqrt(2.0 / (fanIn + fanOut)), w);
                weights.AddRange(w);
            }
            BitAssert.Equal(OracleVectors.Bits(entry.GetProperty("weights")), weights.ToArray(), $"xavier scale {s}");
        }
    }
}
