using FsCheck;
using FsCheck.Fluent;
using GradFlow.Activations;
using GradFlow.Tests.Properties.Generators;

namespace GradFlow.Tests.Properties.Activations;

/// <summary>
/// The contract every <see cref="Activation"/> keeps, law by law, each as an FsCheck property of one
/// activation. <see cref="ActivationContract{TFunction}"/> applies the whole contract to one activation.
/// </summary>
public static class ActivationLaws
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^−52

    private static string Show(double z) => z.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// φ′(z) against Richardson-extrapolated central differences R = (4·D(h/2) − D(h))/3, where
    /// D(h) = (φ(z+h) − φ(z−h)) / ((z+h) − (z−h)) (the step actually taken, after rounding z ± h).
    ///
    /// Step: h = 1e-3·max(1, |z|), relative to the scale of z. The truncation error of R is h⁴·φ⁽⁵⁾/480;
    /// for the rational and arctan tails φ⁽ᵏ⁾ shrinks like |z|^(1−k), so this is ~1e-12 relative at any |z|.
    ///
    /// Tolerance: max(1e-6·|φ′|, 1e-12) + 4·ε·M/h with M = max |φ| over the four probes. The second term is
    /// the finite difference's own rounding, added rather than hidden: each φ(z ± h) carries about ε·M,
    /// so D(h/2) errs by 2εM/h, D(h) by εM/h and R by (4·2 + 1)/3·εM/h = 3εM/h, 4 with margin. It only
    /// matters for bounded φ deep in saturation (tanh at z = 10: φ′ = 8e-9 but εM/h ≈ 2e-14); wherever the
    /// difference is well conditioned it is far below 1e-6·|φ′|. The 1e-12 floor is for derivatives that
    /// small (e.g. gelu′ below −7, whose Gaussian tail varies on a scale 1/|z| that a step ∝ |z| overshoots).
    /// z within h of a kink is not drawn: there the difference quotient straddles a jump.
    /// </summary>
    public static Property DerivativeMatchesCentralDifference(Activation f) =>
        MatchesCentralDifference(f.Value, f.Derivative, f.Kinks, $"{f.Name}′");

    /// <summary>
    /// The same law one order up: φ″(z) against the extrapolated central differences of φ′, at the same
    /// step and tolerance (M is then max |φ′| over the probes). Away from kinks; at a kink φ″ is a
    /// documented choice, not a derivative (see <see cref="IActivationFunction{TSelf}.SecondDerivative"/>).
    /// </summary>
    public static Property SecondDerivativeMatchesCentralDifference(Activation f) =>
        MatchesCentralDifference(f.Derivative, f.SecondDerivative, f.Kinks, $"{f.Name}″");

    // `derivative` against Richardson-extrapolated central differences of `value`, away from `kinks` (see above).
    private static Property MatchesCentralDifference(Func<double, double> value, Func<double, double> derivative, IReadOnlyList<double> kinks, string name)
    {
        static double Step(double z) => 1e-3 * Math.Max(1.0, Math.Abs(z));
        var awayFromKinks = Doubles.Moderate.Where(z => !kinks.Any(k => Math.Abs(z - k) <= Step(z)));
        return Prop.ForAll(awayFromKinks.ToArbitrary(), z =>
        {
            double h = Step(z);
            double p1 = z + h, m1 = z - h, p2 = z + h / 2, m2 = z - h / 2;
            double fp1 = value(p1), fm1 = value(m1), fp2 = value(p2), fm2 = value(m2);
            double dH = (fp1 - fm1) / (p1 - m1);
            double dHalf = (fp2 - fm2) / (p2 - m2);
            double numeric = (4 * dHalf - dH) / 3;
            double analytic = derivative(z);
            double m = Math.Max(Math.Max(Math.Abs(fp1), Math.Abs(fm1)), Math.Max(Math.Abs(fp2), Math.Abs(fm2)));
            double tolerance = Math.Max(1e-6 * Math.Abs(analytic), 1e-12) + 4 * MachineEpsilon * m / h;
            return Prop.Label(Math.Abs(numeric - analytic) <= tolerance,
                $"{name}({Show(z)}) = {Show(analytic)}, central difference {Show(numeric)}, tolerance {tolerance:G3}");
        });
    }

    /// <summary>LowerBound ≤ φ(z) ≤ UpperBound for every finite z.</summary>
    public static Property ValueWithinBounds(Activation f) =>
        Prop.ForAll(Doubles.AnyFinite.ToArbitrary(), z =>
        {
            double v = f.Value(z);
            return Prop.Label(f.LowerBound <= v && v <= f.UpperBound,
                $"{f.Name}({Show(z)}) = {Show(v)} outside [{Show(f.LowerBound)}, {Show(f.UpperBound)}]");
        });

    /// <summary>
    /// A finite bound is the infimum (supremum), not just some bound: φ comes within 1e-8 of it, on a grid
    /// of step 1e-4 over [−10, 10] (fine enough for a smooth minimum: φ″·(5e-5)²/2 &lt; 1e-8) or far out.
    /// </summary>
    public static bool BoundsAreTight(Activation f, out string failure)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        void See(double z)
        {
            double v = f.Value(z);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        for (int i = -100_000; i <= 100_000; i++) See(i * 1e-4);
        foreach (double z in (double[])[40, 800, 1e300, double.MaxValue]) { See(z); See(-z); }
        failure = $"{f.Name}: smallest value seen {Show(min)} vs LowerBound {Show(f.LowerBound)}, largest {Show(max)} vs UpperBound {Show(f.UpperBound)}";
        bool lowerTight = double.IsNegativeInfinity(f.LowerBound) || Math.Abs(min - f.LowerBound) <= 1e-8 * Math.Max(1, Math.Abs(f.LowerBound));
        bool upperTight = double.IsPositiveInfinity(f.UpperBound) || Math.Abs(max - f.UpperBound) <= 1e-8 * Math.Max(1, Math.Abs(f.UpperBound));
        return lowerTight && upperTight;
    }

    /// <summary>Pairs of arguments: independent, or neighbours a few ulps to 10 % apart.</summary>
    private static Gen<(double, double)> OrderedPairs { get; } =
        Gen.OneOf(
            from a in Doubles.AnyFinite from b in Doubles.AnyFinite select (Math.Min(a, b), Math.Max(a, b)),
            from a in Doubles.Moderate from ulps in Gen.Choose(1, 8) select (a, Step(a, ulps)),
            from a in Doubles.Moderate from d in Doubles.LogUniform(-12, -1) select (a, a + Math.Abs(d) * Math.Max(1, Math.Abs(a))));

    private static double Step(double z, int ulps)
    {
        for (int i = 0; i < ulps; i++) z = Math.BitIncrement(z);
        return z;
    }

    /// <summary>
    /// Where IsMonotone: z1 ≤ z2 ⇒ φ(z1) ≤ φ(z2) + 4ε·max(|φ(z1)|, |φ(z2)|). The slack is the evaluation's
    /// own rounding: a φ computed to within a couple of ulps cannot be exactly monotone between
    /// neighbouring doubles (softsign's z/(1+|z|) dips by one ulp at about 1 % of adjacent pairs); a real
    /// decrease is far larger. Where not IsMonotone, a decreasing pair must exist (on a grid of step 0.01).
    /// </summary>
    public static Property MonotoneAsDeclared(Activation f)
    {
        if (!f.IsMonotone)
        {
            bool decreases = false;
            for (int i = -1000; i < 1000 && !decreases; i++) decreases = f.Value((i + 1) * 0.01) < f.Value(i * 0.01);
            return Prop.Label(decreases, $"{f.Name} claims not to be monotone but never decreases on [-10, 10]");
        }
        return Prop.ForAll(OrderedPairs.ToArbitrary(), pair =>
        {
            var (z1, z2) = pair;
            double v1 = f.Value(z1), v2 = f.Value(z2);
            double slack = 4 * MachineEpsilon * Math.Max(Math.Abs(v1), Math.Abs(v2));
            return Prop.Label(v1 <= v2 + slack, $"{f.Name}({Show(z1)}) = {Show(v1)} > {f.Name}({Show(z2)}) = {Show(v2)}");
        });
    }

    /// <summary>Where IsOdd: φ(−z) = −φ(z) exactly, for any finite z. Where not, some z on a grid breaks it.</summary>
    public static Property OddAsDeclared(Activation f)
    {
        if (!f.IsOdd)
        {
            bool broken = false;
            for (int i = 1; i <= 1000 && !broken; i++) broken = f.Value(-i * 0.01) != -f.Value(i * 0.01);
            return Prop.Label(broken, $"{f.Name} claims not to be odd but is on [-10, 10]");
        }
        return Prop.ForAll(Doubles.AnyFinite.ToArbitrary(), z =>
            Prop.Label(f.Value(-z) == -f.Value(z), $"{f.Name}(−{Show(z)}) = {Show(f.Value(-z))}, −{f.Name}({Show(z)}) = {Show(-f.Value(z))}"));
    }

    /// <summary>φ(z) and φ′(z) are finite for every finite z, from ±double.Epsilon to ±double.MaxValue.</summary>
    public static Property FiniteEverywhere(Activation f) =>
        Prop.ForAll(Doubles.AnyFinite.ToArbitrary(), z =>
        {
            double v = f.Value(z), d = f.Derivative(z);
            return Prop.Label(double.IsFinite(v) && double.IsFinite(d), $"{f.Name}({Show(z)}) = {Show(v)}, φ′ = {Show(d)}");
        });

    /// <summary>
    /// IsInLimit agrees with the documented rule, given as <paramref name="expected"/> in closed form with
    /// its <paramref name="thresholds"/> (computed independently, e.g. |tanh z| &gt; 0.95 ⇔ |z| &gt; ½·ln 39).
    /// Arguments closer than <paramref name="margin"/> (relative) to a threshold are not drawn: there the
    /// rounding of φ decides. A rule that is an exact comparison of z (relu's z ≤ 0) takes margin 0.
    /// </summary>
    public static Property LimitRuleAsDocumented(Activation f, Func<double, bool> expected, IReadOnlyList<double> thresholds, double margin)
    {
        var gen = Gen.OneOf(Doubles.Moderate, Doubles.AnyFinite, Doubles.Near(thresholds))
            .Where(z => !thresholds.Any(t => Math.Abs(z - t) < margin * Math.Max(1, Math.Abs(t))));
        return Prop.ForAll(gen.ToArbitrary(), z => Prop.Label(f.IsInLimit(z) == expected(z),
            $"{f.Name}.IsInLimit({Show(z)}) = {f.IsInLimit(z)}, rule \"{f.LimitRule}\" says {expected(z)}"));
    }
}
