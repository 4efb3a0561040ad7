namespace GradFlow.Theory;

/// <summary>
/// Gaussian expectations E_z[g(z)], z ~ N(0, 1), split at the points where g has a kink. Each piece gets
/// a rule suited to it: the two half-lines a half-range Gauss–Hermite rule (<see cref="HalfRangeHermite"/>,
/// shifted to start at the piece's end), and a piece between two kinks a Gauss–Legendre rule. Every
/// node is then inside a piece where g is smooth, so the rule converges at the rate of a smooth
/// integrand and a step in φ′ (ReLU) is integrated exactly — Σ of the right half-line's weights is ½
/// to rounding, so E[1{z &gt; 0}] = ½ — instead of costing the weight of a node that sits on the kink.
/// The split always includes 0, so each half-line's weight e^{−(t ± √2x)²/2} decays faster than e^{−x²}.
/// Accuracy (tests/Unit/Theory): ≤ 1e-12 relative, at the default node counts, on the closed forms
/// (ReLU, identity, erf, probit-like Gaussian-CDF integrands) and on every activation against
/// 40-digit mpmath references for q in [1e-3, 16]; the pair expectation ≤ 1e-11 for |c| ≤ 0.999 on the
/// tested integrands (an inner erf step up to q₂ = 25, an outer one up to q₁ = 400). Not held for sharper
/// inner steps: against Stein's closed form with erf at c = 0.6 it is 6.6e-10 relative at q₂ = 100 and
/// 6.6e-8 at q₂ = 400, and a kink at 10 with q₂ = 25, c = 0.999 gives 2.0e-9 (docs/mutation-survivors.md).
/// </summary>
public sealed class GaussianExpectation
{
    private const double Sqrt2 = 1.4142135623730951;
    private static readonly double InvSqrtPi = 1 / Math.Sqrt(Math.PI);
    private static readonly double InvSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    private readonly double[] _halfLineNodes;
    private readonly double[] _halfLineWeights; // w_i/√π, ascending, summing to exactly ½ in this order
    private readonly QuadratureRule _segment;

    public GaussianExpectation(int halfLineNodes = DefaultHalfLineNodes, int segmentNodes = DefaultSegmentNodes)
    {
        var halfLine = HalfRangeHermite.Rule(halfLineNodes);
        var order = halfLine.OrderBySize;
        _halfLineNodes = order.Select(i => halfLine.Nodes[i]).ToArray();
        _halfLineWeights = order.Select(i => halfLine.Weights[i] * InvSqrtPi).ToArray();
        // The weights of N(0,1) on a half-line sum to ½; rounding leaves a few ulps, which the largest weight
        // absorbs, so that E[1{z > 0}] (ReLU's E[φ′²]) is ½ to the bit rather than to 2 ulps.
        double partial = 0;
        for (int i = 0; i + 1 < _halfLineWeights.Length; i++) partial += _halfLineWeights[i];
        _halfLineWeights[^1] = 0.5 - partial;
        _segment = GaussLegendre.Rule(segmentNodes);
    }

    public const int DefaultHalfLineNodes = 64;
    public const int DefaultSegmentNodes = 48;

    /// <summary>The default rules, built once.</summary>
    public static GaussianExpectation Default => _default.Value;

    private static readonly Lazy<GaussianExpectation> _default = new(() => new GaussianExpectation());

    public int HalfLineNodes => _halfLineNodes.Length;

    /// <summary>E_z[g(z)], z ~ N(0, 1), where g is smooth except at <paramref name="breakpoints"/> (any order; NaN and infinities ignored).</summary>
    public double Of(Func<double, double> g, ReadOnlySpan<double> breakpoints)
    {
        var sums = new Plain(g);
        Integrate(ref sums, breakpoints);
        return sums.Total;
    }

    /// <summary>E_z[f(√q·z)] for an f whose kinks (in its own argument) are <paramref name="kinks"/>; q ≥ 0.</summary>
    public double OfScaled(Func<double, double> f, double q, IReadOnlyList<double> kinks)
    {
        if (!(q >= 0) || double.IsInfinity(q)) throw new ArgumentOutOfRangeException(nameof(q), q, "a variance q must be a finite number >= 0");
        if (q == 0) return f(0);
        double root = Math.Sqrt(q);
        var sums = new Scaled(f, f, root);
        IntegrateScaled(ref sums, root, kinks);
        return sums.TotalF;
    }

    /// <summary>
    /// E_z[f(√q·z)] and E_z[g(√q·z)] for two integrands with the same kinks: each the very number
    /// <see cref="OfScaled"/> gives it, from one pass over the shared nodes (their cuts, and so their
    /// nodes and Gaussian weights, depend only on q and the kinks).
    /// </summary>
    public (double F, double G) OfScaledBoth(Func<double, double> f, Func<double, double> g, double q, IReadOnlyList<double> kinks)
    {
        if (!(q >= 0) || double.IsInfinity(q)) throw new ArgumentOutOfRangeException(nameof(q), q, "a variance q must be a finite number >= 0");
        if (q == 0) return (f(0), g(0));
        double root = Math.Sqrt(q);
        var sums = new Scaled(f, g, root);
        IntegrateScaled(ref sums, root, kinks);
        return (sums.TotalF, sums.TotalG);
    }

    // The cuts of an integrand f(root·z): f's kinks over root, then the graded ones at the scale 1/root.
    private void IntegrateScaled(ref Scaled sums, double root, IReadOnlyList<double> kinks)
    {
        double h = 1 / root;
        int count = kinks.Count + 2 * GradedCount(h);
        // Stryker disable once Equality,Conditional : stack or heap room only: the same cuts are written into either
        Span<double> cuts = count <= 64 ? stackalloc double[64] : new double[count];
        for (int i = 0; i < kinks.Count; i++) cuts[i] = kinks[i] / root;
        int n = kinks.Count + WriteGradedCuts(cuts[kinks.Count..], h);
        Integrate(ref sums, cuts[..n]);
    }

    /// <summary>
    /// E[f(u₁)·g(u₂)] for the centred Gaussian pair with E u₁² = q₁, E u₂² = q₂ and correlation c:
    /// u₁ = √q₁ z₁, u₂ = √q₂ (c z₁ + √(1 − c²) z₂) (Poole et al. 2016, eq. 5). The inner expectation over
    /// z₂ is split where g's argument crosses a kink; the outer one at f's kinks and, for c near ±1 where
    /// the inner expectation sharpens toward g itself, at g's kinks too.
    /// </summary>
    public double OfPair(Func<double, double> f, IReadOnlyList<double> kinksF, Func<double, double> g, IReadOnlyList<double> kinksG,
                         double q1, double q2, double c)
    {
        if (!(c >= -1 && c <= 1)) throw new ArgumentOutOfRangeException(nameof(c), c, "a correlation must be in [-1, 1]");
        double r1 = Math.Sqrt(q1), r2 = Math.Sqrt(q2), s = Math.Sqrt(Math.Max(0, (1 - c) * (1 + c)));
        var outerCuts = new List<double>();
        // Stryker disable once Equality : `r1 > 0` → `r1 >= 0`: at r1 = 0 the cuts are kink/0 = ±∞ or NaN, which Cuts drops
        if (r1 > 0) outerCuts.AddRange(kinksF.Select(k => k / r1));
        if (r2 > 0 && c != 0) outerCuts.AddRange(kinksG.Select(k => k / (r2 * c)));
        if (r1 > 0) AddGradedCuts(outerCuts, 1 / r1);
        // The inner expectation varies on the scale s/|c| (it tends to g itself as s → 0).
        // Stryker disable once Logical : `&&` → `||`: with c = 0 or r2 = 0 the scale is +∞ or NaN, for which WriteGradedCuts writes nothing
        if (r2 > 0 && c != 0) AddGradedCuts(outerCuts, s / Math.Abs(c) / r2);
        var innerCuts = new List<double>(kinksG.Count + 8);
        double Inner(double z1)
        {
            if (s == 0 || r2 == 0) return g(r2 * c * z1);
            innerCuts.Clear();
            foreach (double k in kinksG) innerCuts.Add((k / r2 - c * z1) / s);
            AddGradedCuts(innerCuts, 1 / (r2 * s));
            return Of(z2 => g(r2 * (c * z1 + s * z2)), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(innerCuts));
        }
        return Of(z1 => f(r1 * z1) * Inner(z1), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(outerCuts));
    }

    /// <summary>
    /// Cuts at ±h, ±2h, ±4h, … up to ±2 for an integrand that varies on the scale h &lt; 2 around 0: its
    /// nearest complex singularity sits about h from the real axis (tanh's at iπ/(2√q), arctan's at i/√q,
    /// softsign's φ′ a pole h before the half-line starts), and a Gauss rule on a piece of length L
    /// converges like ρ^{−2n} with ρ set by h/L; geometric grading keeps h/L ≥ ½ on every piece, so each
    /// converges fast at any q (Gautschi 2004, §3.1; Trefethen 2013, "Approximation Theory", ch. 19).
    /// </summary>
    private static void AddGradedCuts(List<double> cuts, double h)
    {
        int start = cuts.Count;
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(cuts, start + 2 * GradedCount(h));
        WriteGradedCuts(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cuts)[start..], h);
    }

    // h, −h, 2h, −2h, … while at most 2, into the front of room; returns how many it wrote (2·GradedCount(h)).
    private static int WriteGradedCuts(Span<double> room, double h)
    {
        int n = 0;
        if (h > 0 && !double.IsInfinity(h))
            for (double x = h; x <= 2; x *= 2)
            {
                room[n++] = x;
                room[n++] = -x;
            }
        return n;
    }

    // How many of h, 2h, 4h, … are at most 2 (each cut once with either sign).
    private static int GradedCount(double h)
    {
        int count = 0;
        if (h > 0 && !double.IsInfinity(h))
            for (double x = h; x <= 2; x *= 2) count++;
        return count;
    }

    /// <summary>
    /// The pieces' sums of one or two integrands: a piece starts at 0 and adds weight·g(z) node by node;
    /// the total is the left tail's, plus the right tail's, plus each segment's times its scale, in that order.
    /// </summary>
    private interface IPieceSums
    {
        void Start();
        void Add(double weight, double z);
        // Adds the piece to a total begun at +0: a sum begun at +0 is never −0, so the first tail's total is its piece, bit for bit.
        void EndTail();
        void EndSegment(double scale);
    }

    private struct Plain(Func<double, double> g) : IPieceSums
    {
        private double _piece;
        public double Total { get; private set; }

        public void Start() => _piece = 0;
        public void Add(double weight, double z) => _piece += weight * g(z);
        public void EndTail() => Total += _piece;
        public void EndSegment(double scale) => Total += scale * _piece;
    }

    // f(root·z) and g(root·z): the two integrands of OfScaledBoth (or f twice, for OfScaled; the second sum is then unused).
    private struct Scaled(Func<double, double> f, Func<double, double> g, double root) : IPieceSums
    {
        private readonly bool _both = !ReferenceEquals(f, g);
        private double _pieceF, _pieceG;
        public double TotalF { get; private set; }
        public double TotalG { get; private set; }

        public void Start() => _pieceF = _pieceG = 0;

        public void Add(double weight, double z)
        {
            double u = root * z;
            _pieceF += weight * f(u);
            if (_both) _pieceG += weight * g(u);
        }

        public void EndTail()
        {
            TotalF += _pieceF;
            TotalG += _pieceG;
        }

        public void EndSegment(double scale)
        {
            TotalF += scale * _pieceF;
            TotalG += scale * _pieceG;
        }
    }

    // Σ over the pieces split at the breakpoints and 0: the half-lines below the first cut and above the last,
    // then each segment between two cuts, in ascending order.
    private void Integrate<TSums>(ref TSums sums, ReadOnlySpan<double> breakpoints) where TSums : struct, IPieceSums
    {
        // Stryker disable once Conditional : stack or heap room only: the same cuts are written into either
        Span<double> cuts = breakpoints.Length < 64
            ? stackalloc double[64] : new double[breakpoints.Length + 1];
        cuts = Cuts(breakpoints, cuts);
        LeftTail(ref sums, cuts[0]);
        RightTail(ref sums, cuts[^1]);
        for (int i = 0; i + 1 < cuts.Length; i++) Segment(ref sums, cuts[i], cuts[i + 1]);
    }

    // ∫_{−∞}^{t} φ(z) g(z) dz with z = t − √2x: φ(z)dz = (1/√π) e^{−x²} e^{−t²/2 + √2 t x} dx, t ≤ 0.
    private void LeftTail<TSums>(ref TSums sums, double t) where TSums : struct, IPieceSums
    {
        // Stryker disable once Statement : the left tail is the first piece of a fresh sums struct, whose pieces are already +0
        sums.Start();
        for (int i = 0; i < _halfLineNodes.Length; i++)
        {
            double x = _halfLineNodes[i];
            sums.Add(_halfLineWeights[i] * Math.Exp(t * (Sqrt2 * x - 0.5 * t)), t - Sqrt2 * x);
        }
        sums.EndTail();
    }

    // ∫_{t}^{∞} φ(z) g(z) dz with z = t + √2x, t ≥ 0.
    private void RightTail<TSums>(ref TSums sums, double t) where TSums : struct, IPieceSums
    {
        sums.Start();
        for (int i = 0; i < _halfLineNodes.Length; i++)
        {
            double x = _halfLineNodes[i];
            sums.Add(_halfLineWeights[i] * Math.Exp(-t * (Sqrt2 * x + 0.5 * t)), t + Sqrt2 * x);
        }
        sums.EndTail();
    }

    // ∫_a^b φ(z) g(z) dz by Gauss–Legendre on the segment.
    private void Segment<TSums>(ref TSums sums, double a, double b) where TSums : struct, IPieceSums
    {
        double mid = 0.5 * (a + b), half = 0.5 * (b - a);
        sums.Start();
        for (int i = 0; i < _segment.Count; i++)
        {
            double z = mid + half * _segment.Nodes[i];
            sums.Add(_segment.Weights[i] * Math.Exp(-0.5 * z * z), z);
        }
        sums.EndSegment(InvSqrt2Pi * half);
    }

    // The sorted distinct finite breakpoints with 0 added, in room (at least one longer than breakpoints).
    private static Span<double> Cuts(ReadOnlySpan<double> breakpoints, Span<double> room)
    {
        int n = 0;
        room[n++] = 0.0;
        foreach (double b in breakpoints)
            // Stryker disable once Conditional : a −0 cut gives the nodes and weights of +0 (t·y = ∓0 → e^{∓0} = 1, ∓0 ± y = ±y, (a ± 0)/2 = a/2) and equals 0 when deduplicated
            if (double.IsFinite(b)) room[n++] = b == 0 ? 0.0 : b;
        var cuts = room[..n];
        cuts.Sort();
        int distinct = 1;
        for (int i = 1; i < cuts.Length; i++)
            if (cuts[i] != cuts[distinct - 1]) cuts[distinct++] = cuts[i];
        return cuts[..distinct];
    }
}
