namespace GradFlow.Metrics;

/// <summary>
/// The recorded epochs of one run: a row per logged epoch, a column per metric, stored flat and
/// sized once so that recording allocates nothing.
/// </summary>
public sealed class RunLog
{
    private readonly double[] _values;
    private readonly int[] _epochs;
    private readonly Dictionary<string, int> _index;

    public RunLog(IReadOnlyList<string> columns, int capacity)
    {
        Columns = columns.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Columns.Count; i++)
            if (!_index.TryAdd(Columns[i], i)) throw new ArgumentException($"duplicate metric column '{Columns[i]}'");
        _values = new double[capacity * Columns.Count];
        _epochs = new int[capacity];
    }

    public IReadOnlyList<string> Columns { get; }
    public int Count { get; private set; }

    /// <summary>The rows it can hold.</summary>
    public int Capacity => _epochs.Length;

    /// <summary>Forgets every row, keeping the storage: a log reused for another run allocates nothing.</summary>
    public void Clear() => Count = 0;

    public int Epoch(int row) => _epochs[row];

    /// <summary>The recorded epochs, in order.</summary>
    public ReadOnlySpan<int> Epochs => _epochs.AsSpan(0, Count);

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns.Count, Columns.Count);

    public double this[int row, string column] => _values[row * Columns.Count + ColumnIndex(column)];

    public bool HasColumn(string column) => _index.ContainsKey(column);

    public int ColumnIndex(string column) =>
        _index.TryGetValue(column, out int i) ? i : throw new KeyNotFoundException($"unknown metric '{column}'; recorded: {string.Join(", ", Columns)}");

    /// <summary>The whole column over the recorded epochs.</summary>
    public double[] Column(string column)
    {
        int c = ColumnIndex(column);
        var result = new double[Count];
        for (int r = 0; r < Count; r++) result[r] = _values[r * Columns.Count + c];
        return result;
    }

    /// <summary>The next row to fill, for <paramref name="epoch"/>.</summary>
    public Span<double> Append(int epoch)
    {
        if (Count == _epochs.Length) throw new InvalidOperationException("run log is full");
        _epochs[Count] = epoch;
        return _values.AsSpan(Count++ * Columns.Count, Columns.Count);
    }
}
