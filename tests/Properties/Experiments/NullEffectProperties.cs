using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradFlow.Experiments;

namespace GradFlow.Tests.Properties.Experiments;

/// <summary>
/// Each claim test gives p = 1 exactly where its effect is 0 (the statistic at the centre of its null
/// distribution). With α in (0, 1) a comparison of effect 0 is then never significant, so ClaimEvaluator's
/// `Effect &gt; 0` and `Effect &gt;= 0` cannot disagree (docs/mutation-survivors.md, Claims).
/// </summary>
[Trait("Category", "Property")]
public sealed class NullEffectProperties
{
    /// <summary>1 to 30 magnitudes in (0, 100], some repeated (ties), none 0.</summary>
    private static readonly Gen<double[]> Magnitudes =
        Gen.Choose(1, 400).Select(k => k / 4.0).ArrayOf().Where(a => a.Length is > 0 and <= 30);

    [Property(MaxTest = 300)]
    public Property Wilcoxon_MirroredDifferences_EffectZeroAndPOne() =>
        Prop.ForAll(Magnitudes.ToArbitrary(), m =>
        {
            // d and −d together: R+ = R− whatever the ties, exact or normal path.
            double[] d = [.. m, .. m.Select(v => -v)];
            var w = WilcoxonSignedRank.Test(d);
            return Prop.Label(w.RankBiserial == 0.0 && w.P == 1.0, $"effect {w.RankBiserial}, p {w.P}");
        });

    [Property(MaxTest = 300)]
    public Property Sign_AsManyAboveAsBelow_EffectZeroAndPOne() =>
        Prop.ForAll(Magnitudes.ToArbitrary(), Gen.Choose(0, 5).ToArbitrary(), (m, zeros) =>
        {
            double[] d = [.. m, .. m.Select(v => -v / 3.0), .. Enumerable.Repeat(0.0, zeros)];
            var s = SignTest.Test(d);
            return Prop.Label(s.Effect == 0.0 && s.P == 1.0, $"effect {s.Effect}, p {s.P}");
        });

    [Property(MaxTest = 300)]
    public Property MannWhitney_SameValuesInBothGroups_EffectZeroAndPOne() =>
        Prop.ForAll(Magnitudes.ToArbitrary(), m =>
        {
            // y is x reversed: U1 = n1·n2/2 exactly.
            double[] y = [.. m.Reverse()];
            var t = MannWhitney.Test(m, y);
            return Prop.Label(t.RankBiserial == 0.0 && t.P == 1.0, $"effect {t.RankBiserial}, p {t.P}");
        });
}
