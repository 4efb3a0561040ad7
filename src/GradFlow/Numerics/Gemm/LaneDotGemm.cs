using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// G[k, j] = <see cref="Kernels.Dot"/>(A[k, :], D[j, :]) for every row k of A and j of D (rows of length n,
/// row-major), register-tiled: 3 × 3 outputs at a time over Vector512, each output's sixteen lanes held as
/// two vectors (lanes 0–7, 8–15), so every load of a row feeds three outputs. Each output keeps
/// <see cref="Kernels.Dot"/>'s order exactly: lane i takes the elements ≡ i mod 16 of the full blocks of
/// sixteen, lanes 0–3 the remaining blocks of four, the same pairwise fold, the same tail left to right.
/// Rows that do not fill a tile go through <see cref="Kernels.Dots"/> itself. Threads split the rows of A, never a sum.
/// </summary>
public sealed class LaneDotGemm : IPartitionedWork
{
    public const int Tile = 3;

    private readonly long _parallelMinimumWork;
    private KernelTeam? _team;
    // Stryker disable once CollectionExpression : Multiply sets every field before any part reads it; a one-element array holds no operand either (docs/mutation-survivors.md)
    private double[] _a = [], _d = [], _g = [];
    private int _kRows, _jRows, _n;

    /// <param name="threads">Threads that may split the rows of G.</param>
    /// <param name="parallelMinimumWork">The fewest multiply-adds (kRows × jRows × n) a call splits.</param>
    public LaneDotGemm(int threads = 1, long parallelMinimumWork = PanelGemm.ParallelMinimumWork)
    {
        _parallelMinimumWork = parallelMinimumWork;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
    }

    public int Threads { get; }

    /// <summary>G (kRows × jRows, row-major) from A (kRows × n) and D (jRows × n).</summary>
    public void Multiply(double[] a, int kRows, double[] d, int jRows, int n, double[] g)
    {
        if (kRows < 0 || jRows < 0 || n < 0 || a.Length < kRows * n || d.Length < jRows * n || g.Length < kRows * jRows)
            throw new ArgumentException($"operands too short for {kRows} × {jRows} dot products of length {n}");
        if (n == 0)
        {
            // Kernels.Dot of two empty rows: the fold of zero lanes, +0.
            g.AsSpan(0, kRows * jRows).Clear();
            return;
        }
        _a = a;
        _d = d;
        _g = g;
        _kRows = kRows;
        _jRows = jRows;
        _n = n;
        // Stryker disable once all : only who runs which row tiles, never a bit of G (Run recomputes its own tile count)
        int tiles = (kRows + Tile - 1) / Tile;
        // Stryker disable once all : as tiles above: the split (or none) changes the thread, not the bits (LaneDotGemmTests, one thread against two)
        bool alone = Threads == 1 || tiles < 2 || (long)kRows * jRows * n < _parallelMinimumWork;
        // Stryker disable once Boolean : !alone only swaps who runs the parts (a one-thread team runs its one part on the caller): the same bits
        if (alone) Run(0, 1);
        else
            // Stryker disable once Linq,Assignment : more parts than threads are clamped to the team's size by KernelTeam.Run, and ??= against = gets the same shared team
            (_team ??= KernelTeam.Shared(Threads)).Run(this, Math.Min(Threads, tiles));
        // Stryker disable once CollectionExpression : only lets go of the caller's arrays; the next Multiply sets them again before any part reads them (docs/mutation-survivors.md)
        _a = _d = _g = [];
    }

    /// <summary>One part's rows of G: a contiguous run of row tiles.</summary>
    public void Run(int part, int parts)
    {
        int tiles = (_kRows + Tile - 1) / Tile, n = _n, ldg = _jRows;
        int first = (int)((long)tiles * part / parts), end = (int)((long)tiles * (part + 1) / parts);
        ReadOnlySpan<double> d = _d.AsSpan(0, _jRows * n);
        for (int t = first;
            // Stryker disable once Equality : tile `end` is the next part's first (the same bits written twice) or past the last row (k0 + 3 > kRows, an empty Dots loop) (docs/mutation-survivors.md)
            t < end; t++)
        {
            int k0 = t * Tile;
            // Stryker disable once Equality : >= for > sends a full last tile through Kernels.Dots, whose bits the tile kernel repeats (LaneDotGemmTests)
            if (k0 + Tile > _kRows)
            {
                for (int k = k0; k < _kRows; k++) Kernels.Dots(_a.AsSpan(k * n, n), d, _g.AsSpan(k * ldg, ldg));
                continue;
            }
            int j = 0;
            for (;
                // Stryker disable once Equality : < for <= leaves the last full column tile to Kernels.Dot per element: the same bits
                j + Tile <= _jRows; j += Tile)
                Tile3x3(ref _a[k0 * n], ref _d[j * n], (nuint)n, ref _g[k0 * ldg + j], (nuint)ldg);
            for (; j < _jRows; j++)
                for (int k = k0; k < k0 + Tile; k++) _g[k * ldg + j] = Kernels.Dot(_a.AsSpan(k * n, n), d.Slice(j * n, n));
        }
    }

    private static void Tile3x3(ref double x0, ref double y0, nuint n, ref double g, nuint ldg)
    {
        ref double x1 = ref Unsafe.Add(ref x0, n);
        ref double x2 = ref Unsafe.Add(ref x1, n);
        ref double y1 = ref Unsafe.Add(ref y0, n);
        ref double y2 = ref Unsafe.Add(ref y1, n);
        Vector512<double> s00l = default, s00h = default, s01l = default, s01h = default, s02l = default, s02h = default;
        Vector512<double> s10l = default, s10h = default, s11l = default, s11h = default, s12l = default, s12h = default;
        Vector512<double> s20l = default, s20h = default, s21l = default, s21h = default, s22l = default, s22h = default;
        nuint i = 0;
        for (; i + 16 <= n; i += 16)
        {
            var y0l = Vector512.LoadUnsafe(ref y0, i);
            var y0h = Vector512.LoadUnsafe(ref y0, i + 8);
            var y1l = Vector512.LoadUnsafe(ref y1, i);
            var y1h = Vector512.LoadUnsafe(ref y1, i + 8);
            var y2l = Vector512.LoadUnsafe(ref y2, i);
            var y2h = Vector512.LoadUnsafe(ref y2, i + 8);
            var x = Vector512.LoadUnsafe(ref x0, i);
            s00l = Vector512.FusedMultiplyAdd(x, y0l, s00l); s01l = Vector512.FusedMultiplyAdd(x, y1l, s01l); s02l = Vector512.FusedMultiplyAdd(x, y2l, s02l);
            x = Vector512.LoadUnsafe(ref x0, i + 8);
            s00h = Vector512.FusedMultiplyAdd(x, y0h, s00h); s01h = Vector512.FusedMultiplyAdd(x, y1h, s01h); s02h = Vector512.FusedMultiplyAdd(x, y2h, s02h);
            x = Vector512.LoadUnsafe(ref x1, i);
            s10l = Vector512.FusedMultiplyAdd(x, y0l, s10l); s11l = Vector512.FusedMultiplyAdd(x, y1l, s11l); s12l = Vector512.FusedMultiplyAdd(x, y2l, s12l);
            x = Vector512.LoadUnsafe(ref x1, i + 8);
            s10h = Vector512.FusedMultiplyAdd(x, y0h, s10h); s11h = Vector512.FusedMultiplyAdd(x, y1h, s11h); s12h = Vector512.FusedMultiplyAdd(x, y2h, s12h);
            x = Vector512.LoadUnsafe(ref x2, i);
            s20l = Vector512.FusedMultiplyAdd(x, y0l, s20l); s21l = Vector512.FusedMultiplyAdd(x, y1l, s21l); s22l = Vector512.FusedMultiplyAdd(x, y2l, s22l);
            x = Vector512.LoadUnsafe(ref x2, i + 8);
            s20h = Vector512.FusedMultiplyAdd(x, y0h, s20h); s21h = Vector512.FusedMultiplyAdd(x, y1h, s21h); s22h = Vector512.FusedMultiplyAdd(x, y2h, s22h);
        }
        g = Finish(s00l, s00h, ref x0, ref y0, i, n);
        Unsafe.Add(ref g, 1) = Finish(s01l, s01h, ref x0, ref y1, i, n);
        Unsafe.Add(ref g, 2) = Finish(s02l, s02h, ref x0, ref y2, i, n);
        Unsafe.Add(ref g, ldg) = Finish(s10l, s10h, ref x1, ref y0, i, n);
        Unsafe.Add(ref g, ldg + 1) = Finish(s11l, s11h, ref x1, ref y1, i, n);
        Unsafe.Add(ref g, ldg + 2) = Finish(s12l, s12h, ref x1, ref y2, i, n);
        Unsafe.Add(ref g, 2 * ldg) = Finish(s20l, s20h, ref x2, ref y0, i, n);
        Unsafe.Add(ref g, 2 * ldg + 1) = Finish(s21l, s21h, ref x2, ref y1, i, n);
        Unsafe.Add(ref g, 2 * ldg + 2) = Finish(s22l, s22h, ref x2, ref y2, i, n);
    }

    // Kernels.Dot from its blocks of sixteen on: lanes 0–3, 4–7, 8–11, 12–15 are its a0 … a3.
    private static double Finish(Vector512<double> low, Vector512<double> high, ref double x, ref double y, nuint i, nuint n) =>
        Kernels.FinishDot(low.GetLower(), low.GetUpper(), high.GetLower(), high.GetUpper(), ref x, ref y, i, n);
}
