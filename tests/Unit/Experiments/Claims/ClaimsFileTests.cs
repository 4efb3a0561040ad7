using GradFlow.Experiments;
using static GradFlow.Tests.Unit.Experiments.Claims.SyntheticSeeds;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>claims.csv: its header, one row per comparison with every field, and one row for a claim without comparisons.</summary>
public sealed class ClaimsFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-claimsfile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Header = "claim,setting,test,n1,n2,p,p_holm,effect_size,effect,ci_low,ci_high,verdict,claim_verdict";

    private static ClaimResult Decided()
    {
        var comparisons = new[]
        {
            new ComparisonResult("a vs b", ClaimTest.MannWhitney, 7, 8, 0.125, 0.25, -0.5, "rank-biserial", null, ClaimVerdict.DoesNotHold, "m"),
            new ComparisonResult("a vs 1.5", ClaimTest.Wilcoxon, 10, 0, 0.001953125, 0.25, 1, "matched rank-biserial",
                new BootstrapInterval(2.0, 1.75, 2.5, 1000, 0.95), ClaimVerdict.Holds, "m"),
            new ComparisonResult("c vs b", ClaimTest.Sign, 3, 3, 0.75, 0.75, 0.1, "sign effect", null, ClaimVerdict.Inconclusive, "m"),
        };
        return new ClaimResult(ClaimOf(), ClaimVerdict.DoesNotHold, "because", comparisons);
    }

    private static string Text(params ClaimResult[] claims)
    {
        var w = new StringWriter();
        ClaimsFile.Write(w, claims);
        return w.ToString();
    }

    [Fact]
    public void Write_ThreeComparisons_OneRowEachWithEveryField()
    {
        Assert.Equal(
            Header + "\n"
            + "t,a vs b,mann_whitney,7,8,0.125,0.25,rank-biserial,-0.5,,,does_not_hold,does_not_hold\n"
            + "t,a vs 1.5,wilcoxon,10,0,0.001953125,0.25,matched rank-biserial,1,1.75,2.5,holds,does_not_hold\n"
            + "t,c vs b,sign,3,3,0.75,0.75,sign effect,0.1,,,inconclusive,does_not_hold\n",
            Text(Decided()));
    }

    [Fact]
    public void Write_ClaimWithoutComparisons_OneRowOfItsVerdict()
    {
        var notApplicable = new ClaimResult(ClaimOf() with { Id = "9" }, ClaimVerdict.NotApplicable, "elsewhere", []);
        Assert.Equal(Header + "\n9,,,,,,,,,,,not_applicable,not_applicable\n", Text(notApplicable));
    }

    [Fact]
    public void WriteToFolder_WritesClaimsCsvThere()
    {
        string path = ClaimsFile.Write(_root, [Decided()]);
        Assert.Equal(Path.Combine(_root, "claims.csv"), path);
        Assert.Equal(ClaimsFile.PathIn(_root), path);
        Assert.Equal(Text(Decided()), File.ReadAllText(path));
    }

    [Fact]
    public void Code_EveryVerdict_SnakeCase() =>
        Assert.Equal(["holds", "does_not_hold", "inconclusive", "not_applicable"], Enum.GetValues<ClaimVerdict>().Select(ClaimsFile.Code));
}
