namespace GradFlow.Experiments;

/// <summary>Summaries across seeds. Diverged runs are counted, never averaged: no mean turns NaN silently.</summary>
public static class Aggregation
{
    /// <summary>
    /// The setting's summary, streaming: <paramref name="runs"/> is enumerated twice, one run at a time
    /// (the sums, then the squared deviations from the mean), so only O(epochs × metrics) is held whatever
    /// the number of seeds. Each element is summed over the seeds in their order, as np.mean and np.std do
    /// for one column, so the bits are those of summing the runs in memory.
    /// </summary>
    public static SettingSummary Summarize(SettingKey setting, IEnumerable<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        IReadOnlyList<string>? columns = null;
        int[]? epochs = null;
        double[][]? mean = null;
        int total = 0, kept = 0, rows = 0;
        foreach (var run in runs)
        {
            columns ??= run.Log.Columns;
            total++;
            if (run.Diverged) continue;
            if (mean is null)
            {
                rows = run.Log.Count;
                epochs = run.Log.Epochs.ToArray();
                mean = NewColumns(columns.Count, rows);
            }
            if (run.Log.Count != rows || !run.Log.Columns.SequenceEqual(columns))
                throw new InvalidDataException($"run {run.Key} recorded {run.Log.Count} epochs of [{string.Join(",", run.Log.Columns)}], unlike the other seeds of {setting}");
            kept++;
            for (int r = 0; r < rows; r++)
            {
                var row = run.Log.Row(r);
                for (int c = 0; c < row.Length; c++) mean[c][r] += row[c];
            }
        }
        if (columns is null) throw new ArgumentException($"no runs for {setting}");
        int diverged = total - kept;
        if (mean is null)
            return new SettingSummary(setting, columns, [], columns.Select(_ => Array.Empty<double>()).ToArray(), columns.Select(_ => Array.Empty<double>()).ToArray(), 0, diverged);

        foreach (var column in mean)
            for (int r = 0; r < rows; r++) column[r] /= kept;
        var std = NewColumns(columns.Count, rows);
        foreach (var run in runs)
        {
            if (run.Diverged) continue;
            for (int r = 0; r < rows; r++)
            {
                var row = run.Log.Row(r);
                for (int c = 0; c < row.Length; c++)
                {
                    double d = row[c] - mean[c][r];
                    std[c][r] += d * d;
                }
            }
        }
        foreach (var column in std)
            for (int r = 0; r < rows; r++) column[r] = Math.Sqrt(column[r] / kept);
        return new SettingSummary(setting, columns, epochs!, mean, std, kept, diverged);
    }

    private static double[][] NewColumns(int columns, int rows)
    {
        var result = new double[columns][];
        for (int c = 0; c < columns; c++) result[c] = new double[rows];
        return result;
    }
}
