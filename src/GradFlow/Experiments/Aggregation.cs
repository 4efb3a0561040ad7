namespace GradFlow.Experiments;

/// <summary>Summaries across seeds. Diverged runs are counted, never averaged: no mean turns NaN silently.</summary>
public static class Aggregation
{
    public static SettingSummary Summarize(SettingKey setting, IReadOnlyList<RunResult> runs)
    {
        if (runs.Count == 0) throw new ArgumentException($"no runs for {setting}");
        var columns = runs[0].Log.Columns;
        var kept = runs.Where(r => !r.Diverged).ToArray();
        int diverged = runs.Count - kept.Length;
        if (kept.Length == 0)
            return new SettingSummary(setting, columns, [], columns.Select(_ => Array.Empty<double>()).ToArray(), columns.Select(_ => Array.Empty<double>()).ToArray(), 0, diverged);

        int rows = kept[0].Log.Count;
        var epochs = new int[rows];
        for (int r = 0; r < rows; r++) epochs[r] = kept[0].Log.Epoch(r);
        foreach (var run in kept)
        {
            if (run.Log.Count != rows || !run.Log.Columns.SequenceEqual(columns))
                throw new InvalidDataException($"run {run.Key} recorded {run.Log.Count} epochs of [{string.Join(",", run.Log.Columns)}], unlike the other seeds of {setting}");
        }

        var mean = new double[columns.Count][];
        var std = new double[columns.Count][];
        for (int c = 0; c < columns.Count; c++)
        {
            mean[c] = new double[rows];
            std[c] = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                double sum = 0;
                foreach (var run in kept) sum += run.Log.Row(r)[c];
                double m = sum / kept.Length;
                double ss = 0;
                foreach (var run in kept)
                {
                    double d = run.Log.Row(r)[c] - m;
                    ss += d * d;
                }
                mean[c][r] = m;
                std[c][r] = Math.Sqrt(ss / kept.Length);
            }
        }
        return new SettingSummary(setting, columns, epochs, mean, std, kept.Length, diverged);
    }
}
