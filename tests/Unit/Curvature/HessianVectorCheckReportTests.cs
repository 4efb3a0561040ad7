using GradFlow.Curvature;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HessianVectorCheckReportTests
{
    private static readonly GradientCheckOptions Options = new(Atol: 1e-3, Rtol: 0);

    // Entry i of bias b1: analytic 0, numeric errs[i]; with atol 1e-3 and rtol 0 its excess is errs[i]/1e-3.
    private static HessianVectorCheckReport Report(double[] errs, string context = "") =>
        new(errs.Select((e, i) => new ParameterCheck(ParameterId.Bias(1, i), 0.0, e, false)).ToArray(), Options with { Context = context });

    [Fact]
    public void WorstExcessAndPassed_NoEntries_AreZeroAndTrue()
    {
        var report = Report([]);

        Assert.Equal(0.0, report.WorstExcess);
        Assert.False(report.CrossesKink);
        Assert.True(report.Passed);
    }

    [Fact]
    public void WorstExcess_MixedEntries_IsTheLargestErrorOverItsTolerance()
    {
        var report = Report([2e-4, -5e-4, 1e-4]);

        Assert.Equal(0.5, report.WorstExcess, 15);
        Assert.True(report.Passed);
        Assert.Equal("HVP check passed: 3 entries of H·v, worst at 0.5 of its tolerance", report.ToString());
    }

    [Fact]
    public void ToString_TwelveFailures_ListsTheTenWorstWorstFirst()
    {
        // Entry i errs by (i + 2)·1e-3: all fail; the worst is b1[11], the tenth worst b1[2].
        var report = Report(Enumerable.Range(0, 12).Select(i => (i + 2) * 1e-3).ToArray(), "ctx");

        var lines = report.ToString().Split('\n');

        Assert.False(report.Passed);
        Assert.Equal(12, report.Failures.Count);
        Assert.Equal("HVP check FAILED on 12 of 12 entries of H·v (ctx)", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("Hv[b1[11]]: R-operator 0, central difference 0.013, |diff| 0.013 > tolerance 0.001", lines[1]);
        Assert.StartsWith("Hv[b1[2]]:", lines[10]);
    }

    [Fact]
    public void CrossesKink_FirstEntryCrossing_IsNotJudgedAndSaysSo()
    {
        var report = new HessianVectorCheckReport([new ParameterCheck(ParameterId.Bias(1, 0), 0.0, 1.0, true)], Options with { Context = "c" });

        Assert.True(report.CrossesKink);
        Assert.False(report.Passed);
        Assert.Equal("HVP check not judged: the probes along this direction cross a kink of φ (c)", report.ToString());
    }
}
