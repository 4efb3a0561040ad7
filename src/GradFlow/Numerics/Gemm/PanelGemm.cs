using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>
/// C[i, r] = init[i] + Σ_p A[i, p]·B[p, r] (then × S[i, r] when a scale is given), blocked and
/// register-tiled: A packed into panels of <see cref="RowTile"/> rows, B into panels of
/// <see cref="ColumnTile"/> columns and at most <c>depthBlock</c> terms, an 8 × 24 microkernel over
/// Vector512 fused multiply-adds. Every element's sum is the one of <see cref="Kernels.LinearCombination"/>:
/// it starts at init[i] and adds the terms p = 0, 1, … one fused multiply-add each, in order; between depth
/// blocks the partial sum is stored and reloaded, which rounds nothing. So the bits are those of the row
/// kernels whatever the tile sizes, the depth block and the number of threads (which split the columns, never a sum).
/// </summary>
public sealed class PanelGemm : IPartitionedWork
{
    public const int RowTile = 8;
    public const int ColumnTile = 24;

    /// <summary>
    /// Below about a million multiply-adds (≈ 60 µs on one core) waking a helper thread costs more than
    /// half the work saves, so such calls stay on the caller.
    /// </summary>
    public const long ParallelMinimumWork = 1L << 20;

    private readonly double[] _packedA;
    private readonly double[][] _packedB, _edge;
    private readonly int _depthBlock, _maxRows, _maxDepth;
    private readonly long _parallelMinimumWork;
    private KernelTeam? _team;

    // The call in flight, read by every part.
    // Stryker disable once CollectionExpression : Multiply sets every field before any part reads it; a one-element array holds no operand either (docs/mutation-survivors.md)
    private double[] _b = [], _c = [], _init = [], _scale = [];
    private int _rows, _depth, _columns, _ldc;
    private bool _hasInit, _hasScale;

    /// <param name="maxRows">The most rows of C any call will have.</param>
    /// <param name="maxDepth">The most terms p any call will have.</param>
    /// <param name="depthBlock">Terms per packed B panel (the partial sums are stored between blocks).</param>
    /// <param name="threads">Threads that may split the columns of one call.</param>
    /// <param name="parallelMinimumWork">The fewest multiply-adds (rows × depth × columns) a call splits; smaller calls run on the caller alone.</param>
    public PanelGemm(int maxRows, int maxDepth, int depthBlock = 128, int threads = 1, long parallelMinimumWork = ParallelMinimumWork)
    {
        _parallelMinimumWork = parallelMinimumWork;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(depthBlock, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _depthBlock = depthBlock;
        _maxRows = maxRows;
        _maxDepth = maxDepth;
        _packedA = new double[(maxRows + RowTile - 1) / RowTile * RowTile * Math.Max(maxDepth, 1)];
        _packedB = new double[threads][];
        _edge = new double[threads][];
        for (int t = 0; t < threads; t++)
        {
            _packedB[t] = new double[Math.Min(depthBlock, Math.Max(maxDepth, 1)) * ColumnTile];
            _edge[t] = new double[RowTile * ColumnTile];
        }
        Threads = threads;
    }

    public int Threads { get; }

    /// <summary>
    /// C = init + A·B with C[i, r] at c[i·outputStride + r] (outputStride 0: columns), A[i, p] = a[i·rowStride + p·columnStride],
    /// B (depth × columns, row-major); init empty means 0 for every row; scale empty means none, else
    /// C[i, r] = (init + Σ) × scale[i·outputStride + r]. Only C's elements are written, so rows between them keep their values.
    /// </summary>
    public void Multiply(ReadOnlySpan<double> a, int rowStride, int columnStride, int rows, int depth,
        double[] init, double[] b, int columns, double[] c, double[] scale, int outputStride = 0)
    {
        int ldc = outputStride == 0 ? columns : outputStride;
        if (ldc < columns) throw new ArgumentException($"an output row stride of {ldc} is shorter than its {columns} columns");
        if (rows < 1 || rows > _maxRows || depth < 0 || depth > _maxDepth || columns < 1)
            throw new ArgumentException($"a {rows} × {depth} product does not fit this GEMM's buffers");
        long cLength = (long)(rows - 1) * ldc + columns;
        if (b.Length < depth * columns || c.Length < cLength || (init.Length != 0 && init.Length < rows) || (scale.Length != 0 && scale.Length < cLength))
            throw new ArgumentException($"operands too short for {rows} × {depth} × {columns}");
        PackA(a, rowStride, columnStride, rows, depth);
        _b = b;
        _c = c;
        _init = init;
        _scale = scale;
        _hasInit = init.Length != 0;
        _hasScale = scale.Length != 0;
        _rows = rows;
        _depth = depth;
        _columns = columns;
        _ldc = ldc;
        // Stryker disable once all : only who runs which panels, never a bit of C (a sum is never split; threads only split the columns)
        int panels = (columns + ColumnTile - 1) / ColumnTile;
        // Stryker disable once all : as panels above: the split (or none) changes the thread, not the bits (PanelGemmTests, one thread against two)
        bool alone = Threads == 1 || panels < 2 || (long)rows * depth * columns < _parallelMinimumWork;
        // Stryker disable once Boolean : !alone only swaps who runs the parts (a one-thread team runs its one part on the caller): the same bits
        if (alone) Run(0, 1);
        else
            // Stryker disable once Linq,Assignment : more parts than threads are clamped to the team's size by KernelTeam.Run, and ??= against = gets the same shared team
            (_team ??= KernelTeam.Shared(Threads)).Run(this, Math.Min(Threads, panels));
        // Stryker disable once CollectionExpression : only lets go of the caller's arrays; the next Multiply sets them again before any part reads them (docs/mutation-survivors.md)
        _b = _c = _init = _scale = [];
    }

    // A's row tiles, each depth × RowTile with the tile's rows adjacent; rows past the end are 0 and never stored.
    private void PackA(ReadOnlySpan<double> a, int rowStride, int columnStride, int rows, int depth)
    {
        int tiles = (rows + RowTile - 1) / RowTile;
        for (int t = 0; t < tiles; t++)
        {
            var tile = _packedA.AsSpan(t * depth * RowTile, depth * RowTile);
            for (int u = 0; u < RowTile; u++)
            {
                int i = t * RowTile + u;
                if (i >= rows)
                {
                    // Stryker disable once Statement,Equality : (removed, or p > depth: not run) a padding row's sums are never stored (Edge copies back only the tile's real rows), so stale values there change no output
                    for (int p = 0; p < depth; p++) tile[p * RowTile + u] = 0;
                    continue;
                }
                int at = i * rowStride;
                for (int p = 0; p < depth; p++) tile[p * RowTile + u] = a[at + p * columnStride];
            }
        }
    }

    /// <summary>One part's columns: a contiguous run of column panels.</summary>
    public void Run(int part, int parts)
    {
        int panels = (_columns + ColumnTile - 1) / ColumnTile;
        int first = (int)((long)panels * part / parts), end = (int)((long)panels * (part + 1) / parts);
        var packedB = _packedB[part];
        var edge = _edge[part];
        int tiles = (_rows + RowTile - 1) / RowTile;
        for (int panel = first; panel < end; panel++)
        {
            int r0 = panel * ColumnTile, width = Math.Min(ColumnTile, _columns - r0);
            if (_depth == 0)
            {
                for (int t = 0;
                    // Stryker disable once Equality : tile `tiles` has no rows (height ≤ 0), so Edge writes nothing for it (docs/mutation-survivors.md)
                    t < tiles; t++) Edge(t, r0, width, 0, 0, true, true, packedB, edge);
                // Stryker disable once Statement : at depth 0 the depth loop below runs zero times (docs/mutation-survivors.md)
                continue;
            }
            for (int p0 = 0; p0 < _depth; p0 += _depthBlock)
            {
                int count = Math.Min(_depthBlock, _depth - p0);
                PackB(p0, count, r0, width, packedB);
                bool firstBlock = p0 == 0, lastBlock = p0 + count == _depth;
                for (int t = 0; t < tiles; t++)
                {
                    if (width == ColumnTile &&
                        // Stryker disable once Equality : < for <= sends the last full tile through Edge, the same microkernel on a scratch copy: the same bits
                        (t + 1) * RowTile <= _rows)
                    {
                        ref double ci = ref _c[t * RowTile * _ldc + r0];
                        ref double init = ref firstBlock && _hasInit ? ref _init[t * RowTile] : ref Unsafe.NullRef<double>();
                        ref double scale = ref lastBlock && _hasScale ? ref _scale[t * RowTile * _ldc + r0] : ref Unsafe.NullRef<double>();
                        Kernel(ref _packedA[(t * _depth + p0) * RowTile], ref packedB[0], count, ref ci, _ldc, firstBlock, ref init, ref scale);
                    }
                    else Edge(t, r0, width, p0, count, firstBlock, lastBlock, packedB, edge);
                }
            }
        }
    }

    // B[p0 .. p0+count, r0 .. r0+width] as count rows of ColumnTile, columns past the end 0.
    private void PackB(int p0, int count, int r0, int width, double[] packed)
    {
        for (int p = 0; p < count; p++)
        {
            var row = packed.AsSpan(p * ColumnTile, ColumnTile);
            _b.AsSpan((p0 + p) * _columns + r0, width).CopyTo(row);
            // Stryker disable once Equality,Boolean,Statement : padding columns feed only accumulators of columns ≥ width, which Edge never copies back (docs/mutation-survivors.md)
            if (width < ColumnTile) row[width..].Clear();
        }
    }

    // A ragged tile: the partial sums copied into a full scratch tile, the same microkernel, the valid part copied back.
    private void Edge(int t, int r0, int width, int p0, int count, bool firstBlock, bool lastBlock, double[] packedB, double[] edge)
    {
        int height = Math.Min(RowTile, _rows - t * RowTile);
        Span<double> start = stackalloc double[RowTile];
        for (int u = 0; u < RowTile; u++) start[u] = u < height && _hasInit ? _init[t * RowTile + u] : 0.0;
        if (firstBlock)
            // Stryker disable once Statement : on a first block the microkernel (count > 0) or the fill (count 0) writes every value that is copied back
            edge.AsSpan().Clear();
        else
            for (int u = 0; u < height; u++) _c.AsSpan((t * RowTile + u) * _ldc + r0, width).CopyTo(edge.AsSpan(u * ColumnTile));
        // Stryker disable once Equality : count 0 (depth 0) through the microkernel stores start[u] in each row, what the fill below writes
        if (count > 0)
            Kernel(ref _packedA[(t * _depth + p0) * RowTile], ref packedB[0], count, ref edge[0], ColumnTile, firstBlock, ref start[0], ref Unsafe.NullRef<double>());
        else if (firstBlock)
            for (int u = 0; u < height; u++) edge.AsSpan(u * ColumnTile, width).Fill(start[u]);
        for (int u = 0; u < height; u++)
        {
            var dest = _c.AsSpan((t * RowTile + u) * _ldc + r0, width);
            edge.AsSpan(u * ColumnTile, width).CopyTo(dest);
            // The scale's product rounds once, as Kernels.Multiply's does.
            if (lastBlock && _hasScale)
            {
                var s = _scale.AsSpan((t * RowTile + u) * _ldc + r0, width);
                for (int v = 0; v < width; v++) dest[v] *= s[v];
            }
        }
    }

    /// <summary>
    /// The 8 × 24 microkernel: 24 accumulators (rows u, vectors v of eight columns), each taking the terms
    /// p = 0 … count − 1 in order, one fused multiply-add each; started from init[u] (first block, null: 0)
    /// or from C, stored into C (× scale, when not null).
    /// </summary>
    private static void Kernel(ref double a, ref double b, int count, ref double c, int ldc, bool first, ref double init, ref double scale)
    {
        Vector512<double> c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32, c40, c41, c42, c50, c51, c52, c60, c61, c62, c70, c71, c72;
        nuint ld = (nuint)ldc;
        if (first)
        {
            bool none = Unsafe.IsNullRef(ref init);
            c00 = c01 = c02 = Vector512.Create(none ? 0.0 : init);
            c10 = c11 = c12 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 1));
            c20 = c21 = c22 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 2));
            c30 = c31 = c32 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 3));
            c40 = c41 = c42 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 4));
            c50 = c51 = c52 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 5));
            c60 = c61 = c62 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 6));
            c70 = c71 = c72 = Vector512.Create(none ? 0.0 : Unsafe.Add(ref init, 7));
        }
        else
        {
            c00 = Vector512.LoadUnsafe(ref c, 0); c01 = Vector512.LoadUnsafe(ref c, 8); c02 = Vector512.LoadUnsafe(ref c, 16);
            c10 = Vector512.LoadUnsafe(ref c, ld); c11 = Vector512.LoadUnsafe(ref c, ld + 8); c12 = Vector512.LoadUnsafe(ref c, ld + 16);
            c20 = Vector512.LoadUnsafe(ref c, 2 * ld); c21 = Vector512.LoadUnsafe(ref c, 2 * ld + 8); c22 = Vector512.LoadUnsafe(ref c, 2 * ld + 16);
            c30 = Vector512.LoadUnsafe(ref c, 3 * ld); c31 = Vector512.LoadUnsafe(ref c, 3 * ld + 8); c32 = Vector512.LoadUnsafe(ref c, 3 * ld + 16);
            c40 = Vector512.LoadUnsafe(ref c, 4 * ld); c41 = Vector512.LoadUnsafe(ref c, 4 * ld + 8); c42 = Vector512.LoadUnsafe(ref c, 4 * ld + 16);
            c50 = Vector512.LoadUnsafe(ref c, 5 * ld); c51 = Vector512.LoadUnsafe(ref c, 5 * ld + 8); c52 = Vector512.LoadUnsafe(ref c, 5 * ld + 16);
            c60 = Vector512.LoadUnsafe(ref c, 6 * ld); c61 = Vector512.LoadUnsafe(ref c, 6 * ld + 8); c62 = Vector512.LoadUnsafe(ref c, 6 * ld + 16);
            c70 = Vector512.LoadUnsafe(ref c, 7 * ld); c71 = Vector512.LoadUnsafe(ref c, 7 * ld + 8); c72 = Vector512.LoadUnsafe(ref c, 7 * ld + 16);
        }
        for (int p = 0; p < count; p++)
        {
            nuint pb = (nuint)p * ColumnTile, pa = (nuint)p * RowTile;
            var b0 = Vector512.LoadUnsafe(ref b, pb);
            var b1 = Vector512.LoadUnsafe(ref b, pb + 8);
            var b2 = Vector512.LoadUnsafe(ref b, pb + 16);
            var w = Vector512.Create(Unsafe.Add(ref a, pa));
            c00 = Vector512.FusedMultiplyAdd(w, b0, c00); c01 = Vector512.FusedMultiplyAdd(w, b1, c01); c02 = Vector512.FusedMultiplyAdd(w, b2, c02);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 1));
            c10 = Vector512.FusedMultiplyAdd(w, b0, c10); c11 = Vector512.FusedMultiplyAdd(w, b1, c11); c12 = Vector512.FusedMultiplyAdd(w, b2, c12);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 2));
            c20 = Vector512.FusedMultiplyAdd(w, b0, c20); c21 = Vector512.FusedMultiplyAdd(w, b1, c21); c22 = Vector512.FusedMultiplyAdd(w, b2, c22);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 3));
            c30 = Vector512.FusedMultiplyAdd(w, b0, c30); c31 = Vector512.FusedMultiplyAdd(w, b1, c31); c32 = Vector512.FusedMultiplyAdd(w, b2, c32);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 4));
            c40 = Vector512.FusedMultiplyAdd(w, b0, c40); c41 = Vector512.FusedMultiplyAdd(w, b1, c41); c42 = Vector512.FusedMultiplyAdd(w, b2, c42);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 5));
            c50 = Vector512.FusedMultiplyAdd(w, b0, c50); c51 = Vector512.FusedMultiplyAdd(w, b1, c51); c52 = Vector512.FusedMultiplyAdd(w, b2, c52);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 6));
            c60 = Vector512.FusedMultiplyAdd(w, b0, c60); c61 = Vector512.FusedMultiplyAdd(w, b1, c61); c62 = Vector512.FusedMultiplyAdd(w, b2, c62);
            w = Vector512.Create(Unsafe.Add(ref a, pa + 7));
            c70 = Vector512.FusedMultiplyAdd(w, b0, c70); c71 = Vector512.FusedMultiplyAdd(w, b1, c71); c72 = Vector512.FusedMultiplyAdd(w, b2, c72);
        }
        if (!Unsafe.IsNullRef(ref scale))
        {
            c00 *= Vector512.LoadUnsafe(ref scale, 0); c01 *= Vector512.LoadUnsafe(ref scale, 8); c02 *= Vector512.LoadUnsafe(ref scale, 16);
            c10 *= Vector512.LoadUnsafe(ref scale, ld); c11 *= Vector512.LoadUnsafe(ref scale, ld + 8); c12 *= Vector512.LoadUnsafe(ref scale, ld + 16);
            c20 *= Vector512.LoadUnsafe(ref scale, 2 * ld); c21 *= Vector512.LoadUnsafe(ref scale, 2 * ld + 8); c22 *= Vector512.LoadUnsafe(ref scale, 2 * ld + 16);
            c30 *= Vector512.LoadUnsafe(ref scale, 3 * ld); c31 *= Vector512.LoadUnsafe(ref scale, 3 * ld + 8); c32 *= Vector512.LoadUnsafe(ref scale, 3 * ld + 16);
            c40 *= Vector512.LoadUnsafe(ref scale, 4 * ld); c41 *= Vector512.LoadUnsafe(ref scale, 4 * ld + 8); c42 *= Vector512.LoadUnsafe(ref scale, 4 * ld + 16);
            c50 *= Vector512.LoadUnsafe(ref scale, 5 * ld); c51 *= Vector512.LoadUnsafe(ref scale, 5 * ld + 8); c52 *= Vector512.LoadUnsafe(ref scale, 5 * ld + 16);
            c60 *= Vector512.LoadUnsafe(ref scale, 6 * ld); c61 *= Vector512.LoadUnsafe(ref scale, 6 * ld + 8); c62 *= Vector512.LoadUnsafe(ref scale, 6 * ld + 16);
            c70 *= Vector512.LoadUnsafe(ref scale, 7 * ld); c71 *= Vector512.LoadUnsafe(ref scale, 7 * ld + 8); c72 *= Vector512.LoadUnsafe(ref scale, 7 * ld + 16);
        }
        c00.StoreUnsafe(ref c, 0); c01.StoreUnsafe(ref c, 8); c02.StoreUnsafe(ref c, 16);
        c10.StoreUnsafe(ref c, ld); c11.StoreUnsafe(ref c, ld + 8); c12.StoreUnsafe(ref c, ld + 16);
        c20.StoreUnsafe(ref c, 2 * ld); c21.StoreUnsafe(ref c, 2 * ld + 8); c22.StoreUnsafe(ref c, 2 * ld + 16);
        c30.StoreUnsafe(ref c, 3 * ld); c31.StoreUnsafe(ref c, 3 * ld + 8); c32.StoreUnsafe(ref c, 3 * ld + 16);
        c40.StoreUnsafe(ref c, 4 * ld); c41.StoreUnsafe(ref c, 4 * ld + 8); c42.StoreUnsafe(ref c, 4 * ld + 16);
        c50.StoreUnsafe(ref c, 5 * ld); c51.StoreUnsafe(ref c, 5 * ld + 8); c52.StoreUnsafe(ref c, 5 * ld + 16);
        c60.StoreUnsafe(ref c, 6 * ld); c61.StoreUnsafe(ref c, 6 * ld + 8); c62.StoreUnsafe(ref c, 6 * ld + 16);
        c70.StoreUnsafe(ref c, 7 * ld); c71.StoreUnsafe(ref c, 7 * ld + 8); c72.StoreUnsafe(ref c, 7 * ld + 16);
    }
}
