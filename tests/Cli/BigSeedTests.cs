using System.Numerics;
using System.Text.Json;
using GradFlow.Experiments;
using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary>Seeds are any integer >= 0, as np.random.default_rng takes them, in every verb.</summary>
public sealed class BigSeedTests : TempFolder
{
    private const string Big = "123456789012345678901234567890";

    [Theory]
    [InlineData("init")]
    [InlineData("dataset")]
    [InlineData("gradcheck")]
    public void Verb_SeedBeyond64Bits_IsAccepted(string verb)
    {
        string[] extra = verb == "gradcheck" ? ["--activation", "tanh", "--arch", "2,3,1"] : [];
        var result = Run([verb, "--seed", Big, .. extra]);

        Assert.True(result.Exit == 0, result.ToString());
    }

    [Fact]
    public void Init_DifferentBigSeeds_DrawDifferentWeights()
    {
        var a = Run("init", "--seed", Big);
        var b = Run("init", "--seed", Big + "1");

        Assert.NotEqual(a.Out, b.Out);
    }

    [Fact]
    public void Run_BigSeeds_NameTheRunFilesAndRoundTripThroughTheManifest()
    {
        var result = Run("run", "--preset", "smoke", "--activations", "tanh", "--epochs", "2", "--n", "20", "--seeds", Big + "," + (BigInteger.Pow(2, 200) + 1), "--out", Path("big"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.True(File.Exists(Path("big", "runs", $"tanh_xavier_s1_seed{Big}.csv")));
        var spec = new ResultStore(Path("big")).ReadManifest()!.Spec;
        Assert.Equal([BigInteger.Parse(Big, System.Globalization.CultureInfo.InvariantCulture), BigInteger.Pow(2, 200) + 1], spec.Seeds);
        // The same command again finds the folder holding the same spec and resumes it.
        var again = Run("run", "--preset", "smoke", "--activations", "tanh", "--epochs", "2", "--n", "20", "--seeds", Big + "," + (BigInteger.Pow(2, 200) + 1), "--out", Path("big"));
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("(2 already on disk)", again.Out);
    }

    [Fact]
    public void Manifest_SmallSeeds_AreWrittenAsTheUlongListWas()
    {
        // Oracle: the serializer's own format for a list of ulong under the same options (the manifest before big seeds).
        var spec = Presets.Paper;
        string json = JsonSerializer.Serialize(spec, ResultStore.JsonOptions);
        string expected = JsonSerializer.Serialize(new { Seeds = spec.Seeds.Select(s => (ulong)s).ToList() }, ResultStore.JsonOptions);

        string seedsPart = expected[expected.IndexOf("\"seeds\"", StringComparison.Ordinal)..expected.LastIndexOf(']')];
        Assert.Contains(seedsPart.Replace("\n  ", "\n"), json.Replace("\n  ", "\n"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    public void Init_NotANonNegativeInteger_IsRefused(string seed) =>
        AssertBadInput(Run("init", "--seed", seed), "--seed");

    [Fact]
    public void Init_SeedOfMoreThanAThousandDigits_IsRefused() =>
        AssertBadInput(Run("init", "--seed", new string('9', 1001)), "at most 1000 digits");
}
