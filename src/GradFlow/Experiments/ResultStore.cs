using System.Text.Json;
using System.Text.Json.Nodes;
using GradFlow.IO;
using GradFlow.Metrics;

namespace GradFlow.Experiments;

/// <summary>
/// The files of a results folder (docs/ARCHITECTURE.md "Files"). Every file is written to a temporary
/// name and renamed, so a folder never holds half a file: a run file that exists is complete.
/// </summary>
public sealed class ResultStore
{
    public const string DivergedColumn = "diverged_at";

    public ResultStore(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string RunsDirectory => Path.Combine(Root, "runs");
    public string SummaryDirectory => Path.Combine(Root, "summary");
    public string PlotsDirectory => Path.Combine(Root, "plots");
    public string FinalPath => Path.Combine(Root, "final.csv");
    public string StatsPath => Path.Combine(Root, "stats.csv");
    public string ManifestPath => Path.Combine(Root, "manifest.json");
    public string ReportPath => Path.Combine(Root, "report.md");

    public string RunPath(RunKey key) => Path.Combine(RunsDirectory, key.Stem + ".csv");
    public string SummaryPath(SettingKey key) => Path.Combine(SummaryDirectory, key.Stem + ".csv");

    public bool HasRun(RunKey key) => File.Exists(RunPath(key));

    // ---- run files: epoch, every metric, diverged_at (empty unless the run diverged) ----

    public void WriteRun(RunResult run) => AtomicFile.WriteText(RunPath(run.Key), w => WriteRun(w, run));

    private static void WriteRun(TextWriter w, RunResult run)
    {
        var csv = new CsvRecordWriter(w);
        csv.Field("epoch");
        foreach (var c in run.Log.Columns) csv.Field(c);
        csv.Field(DivergedColumn);
        csv.EndRecord();
        for (int r = 0; r < run.Log.Count; r++)
        {
            csv.Field(run.Log.Epoch(r));
            foreach (double v in run.Log.Row(r)) csv.Field(v);
            if (run.DivergedAt is int e) csv.Field(e);
            else csv.Field("");
            csv.EndRecord();
        }
    }

    public RunResult ReadRun(RunKey key) => ReadRun(key, null);

    /// <summary>
    /// The run as its file holds it, read into <paramref name="reuse"/> (emptied first) when that log has
    /// the file's columns and room for its rows, else into a new log. A file as GradFlow writes it is parsed
    /// from its bytes (<see cref="NumberRows"/>); any other, by CsvHelper, which names what is wrong.
    /// </summary>
    public RunResult ReadRun(RunKey key, RunLog? reuse)
    {
        if (TryReadPlainRun(key, reuse) is { } run) return run;
        try
        {
            return ReadRunFile(key);
        }
        catch (CsvHelper.CsvHelperException e)
        {
            throw new InvalidDataException($"{RunPath(key)}, line {e.Context?.Parser?.RawRow}: not a run file ({e.GetType().Name}); expected epoch,<metrics>,{DivergedColumn} rows of numbers");
        }
    }

    // The run file's bytes in a pooled buffer, parsed without a string per value; null when the file is not plain text of a run file.
    private RunResult? TryReadPlainRun(RunKey key, RunLog? reuse)
    {
        using var file = File.OpenHandle(RunPath(key));
        long length = RandomAccess.GetLength(file);
        if (length > Array.MaxLength) return null;
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            int read = 0;
            for (int n; read < length && (n = RandomAccess.Read(file, buffer.AsSpan(read, (int)length - read), read)) > 0;) read += n;
            var text = buffer.AsSpan(0, read);
            if (!NumberRows.TryReadHeader(text, out var header, out int rows) || header.Length < 2 || header[0] != "epoch" || header[^1] != DivergedColumn)
                return null;
            var columns = header[1..^1];
            var log = reuse is not null && reuse.Capacity >= rows && reuse.Columns.SequenceEqual(columns) ? reuse : new RunLog(columns, rows);
            log.Clear();
            int? divergedAt = null;
            var values = new double[columns.Length];
            bool plain = NumberRows.TryReadRows(text, columns.Length, values, (epoch, row, diverged) =>
            {
                row.CopyTo(log.Append(epoch));
                if (diverged is int d) divergedAt = d;
            });
            return plain && log.Count == rows ? new RunResult(key, log, divergedAt) : null;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The metric columns of a run file on disk (its header without epoch and diverged_at).</summary>
    public IReadOnlyList<string> RunColumns(RunKey key)
    {
        using var reader = new StreamReader(RunPath(key));
        var header = reader.ReadLine()?.Split(',') ?? [];
        return header.Length >= 2 ? header[1..^1] : [];
    }

    private RunResult ReadRunFile(RunKey key)
    {
        string path = RunPath(key);
        var rows = new List<(int Epoch, double[] Values)>();
        string[] columns;
        int? divergedAt = null;
        using (var reader = new StreamReader(path))
        using (var csv = CsvFormat.Reader(reader))
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
                throw new InvalidDataException($"{path}: empty run file; expected a header epoch,<metrics>,{DivergedColumn}");
            var header = csv.HeaderRecord;
            if (header.Length < 2 || header[0] != "epoch" || header[^1] != DivergedColumn)
                throw new InvalidDataException($"{path}: header must be epoch,<metrics>,{DivergedColumn}");
            columns = header[1..^1];
            while (csv.Read())
            {
                int line = csv.Parser.RawRow;
                if (!Numbers.TryParse(csv.GetField(0), out int epoch))
                    throw new InvalidDataException($"{path}, line {line}: epoch '{csv.GetField(0)}' is not an integer");
                var values = new double[columns.Length];
                for (int c = 0; c < columns.Length; c++)
                    if (!Numbers.TryParse(csv.GetField(c + 1), out values[c]))
                        throw new InvalidDataException($"{path}, line {line}: {columns[c]} '{csv.GetField(c + 1)}' is not a number");
                string? d = csv.GetField(columns.Length + 1);
                if (!string.IsNullOrEmpty(d))
                    divergedAt = Numbers.TryParse(d, out int de) ? de : throw new InvalidDataException($"{path}, line {line}: {DivergedColumn} '{d}' is not an integer");
                rows.Add((epoch, values));
            }
        }
        var log = new RunLog(columns, rows.Count);
        foreach (var (epoch, values) in rows) values.CopyTo(log.Append(epoch));
        return new RunResult(key, log, divergedAt);
    }

    // ---- summary/<setting>.csv: epoch, n_seeds, <metric>_mean, <metric>_std ----

    public void WriteSummary(SettingSummary s) => AtomicFile.WriteText(SummaryPath(s.Setting), w =>
    {
        var csv = new CsvRecordWriter(w);
        csv.Field("epoch");
        csv.Field("n_seeds");
        foreach (var m in s.Metrics)
        {
            csv.Field(m + "_mean");
            csv.Field(m + "_std");
        }
        csv.EndRecord();
        for (int r = 0; r < s.Epochs.Length; r++)
        {
            csv.Field(s.Epochs[r]);
            csv.Field(s.SeedCount);
            for (int m = 0; m < s.Metrics.Count; m++)
            {
                csv.Field(s.Mean[m][r]);
                csv.Field(s.Std[m][r]);
            }
            csv.EndRecord();
        }
    });

    /// <summary>
    /// Reads back what <see cref="WriteSummary"/> wrote. The file does not hold the diverged count, so
    /// <see cref="SettingSummary.DivergedCount"/> is 0 (final.csv has it); a setting whose seeds all
    /// diverged has no rows, and reads with no epochs and <see cref="SettingSummary.SeedCount"/> 0.
    /// </summary>
    public SettingSummary ReadSummary(SettingKey key)
    {
        string path = SummaryPath(key);
        using var reader = new StreamReader(path);
        using var csv = CsvFormat.Reader(reader);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new InvalidDataException($"{path}: empty summary file; expected a header epoch,n_seeds,<metric>_mean,<metric>_std,...");
        var header = csv.HeaderRecord;
        if (header.Length < 2 || header[0] != "epoch" || header[1] != "n_seeds" || header.Length % 2 != 0)
            throw new InvalidDataException($"{path}: header must be epoch,n_seeds, then <metric>_mean,<metric>_std pairs");
        var metrics = new List<string>();
        for (int c = 2; c < header.Length; c += 2)
        {
            if (!header[c].EndsWith("_mean", StringComparison.Ordinal) || header[c + 1] != header[c][..^5] + "_std")
                throw new InvalidDataException($"{path}: columns '{header[c]}','{header[c + 1]}' are not a <metric>_mean,<metric>_std pair");
            metrics.Add(header[c][..^5]);
        }
        var epochs = new List<int>();
        var mean = metrics.Select(_ => new List<double>()).ToArray();
        var std = metrics.Select(_ => new List<double>()).ToArray();
        int seeds = 0;
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            if (!Numbers.TryParse(csv.GetField(0), out int epoch) || !Numbers.TryParse(csv.GetField(1), out seeds))
                throw new InvalidDataException($"{path}, line {line}: epoch and n_seeds must be integers");
            epochs.Add(epoch);
            for (int m = 0; m < metrics.Count; m++)
            {
                if (!Numbers.TryParse(csv.GetField(2 + 2 * m), out double mv) || !Numbers.TryParse(csv.GetField(3 + 2 * m), out double sv))
                    throw new InvalidDataException($"{path}, line {line}: {metrics[m]} mean or std is not a number");
                mean[m].Add(mv);
                std[m].Add(sv);
            }
        }
        return new SettingSummary(key, metrics, epochs.ToArray(), mean.Select(l => l.ToArray()).ToArray(), std.Select(l => l.ToArray()).ToArray(), seeds, 0);
    }

    // ---- final.csv: one row per setting at the last epoch, in the study's column order ----

    public void WriteFinal(AblationSpec spec, IReadOnlyList<SettingSummary> summaries) => AtomicFile.WriteText(FinalPath, w =>
    {
        using var csv = CsvFormat.Writer(w);
        var metrics = summaries[0].Metrics;
        foreach (var h in new[] { "activation", "init", "init_scale", "n_seeds", "epochs", "lr", "noise", "test_size" }) csv.WriteField(h);
        foreach (var m in metrics)
        {
            csv.WriteField(m + "_mean");
            csv.WriteField(m + "_std");
        }
        csv.WriteField("n_diverged");
        csv.NextRecord();
        foreach (var s in summaries)
        {
            csv.WriteField(s.Setting.Activation);
            csv.WriteField(s.Setting.Init);
            csv.WriteField(Numbers.Format(s.Setting.Scale));
            csv.WriteField(Numbers.Format(s.SeedCount));
            csv.WriteField(Numbers.Format(spec.Epochs));
            csv.WriteField(Numbers.Format(spec.RateOf(s.Setting)));
            csv.WriteField(Numbers.Format(spec.Noise));
            csv.WriteField(Numbers.Format(spec.TestSize));
            int last = s.Epochs.Length - 1;
            for (int m = 0; m < metrics.Count; m++)
            {
                csv.WriteField(Numbers.Format(last >= 0 ? s.Mean[m][last] : double.NaN));
                csv.WriteField(Numbers.Format(last >= 0 ? s.Std[m][last] : double.NaN));
            }
            csv.WriteField(Numbers.Format(s.DivergedCount));
            csv.NextRecord();
        }
    });

    // ---- stats.csv: init,init_scale,activation,other,metric,statistic,value ----

    private static readonly string[] StatsHeader = ["init", "init_scale", "activation", "other", "metric", "statistic", "value"];

    // A multi-rate sweep's stats.csv has an lr column after init_scale; other folders keep their bytes.
    private static readonly string[] StatsHeaderWithRate = ["init", "init_scale", "lr", "activation", "other", "metric", "statistic", "value"];

    public void WriteStats(SweepStats stats) => AtomicFile.WriteText(StatsPath, w =>
    {
        var rows = stats.Rows();
        using var csv = CsvFormat.Writer(w);
        bool withRate = rows.Any(r => r.LearningRate is not null);
        foreach (var h in withRate ? StatsHeaderWithRate : StatsHeader) csv.WriteField(h);
        csv.NextRecord();
        foreach (var r in rows)
        {
            csv.WriteField(r.Init);
            csv.WriteField(Numbers.Format(r.Scale));
            if (withRate) csv.WriteField(r.LearningRate is { } lr ? Numbers.Format(lr) : "");
            csv.WriteField(r.Activation);
            csv.WriteField(r.Other);
            csv.WriteField(r.Metric);
            csv.WriteField(r.Statistic);
            csv.WriteField(Numbers.Format(r.Value));
            csv.NextRecord();
        }
    });

    /// <summary>Reads stats.csv back into the records <see cref="WriteStats"/> wrote.</summary>
    public SweepStats ReadStats()
    {
        string path = StatsPath;
        var rows = new List<StatRow>();
        using (var reader = new StreamReader(path))
        using (var csv = CsvFormat.Reader(reader))
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
                || !(header.SequenceEqual(StatsHeader) || header.SequenceEqual(StatsHeaderWithRate)))
                throw new InvalidDataException($"{path}: header must be {string.Join(",", StatsHeader)} (with lr after init_scale on a multi-rate sweep)");
            int o = header.Length == StatsHeaderWithRate.Length ? 1 : 0;
            while (csv.Read())
            {
                int line = csv.Parser.RawRow;
                if (!Numbers.TryParse(csv.GetField(1), out double scale) || !Numbers.TryParse(csv.GetField(6 + o), out double value))
                    throw new InvalidDataException($"{path}, line {line}: init_scale and value must be numbers");
                double? rate = null;
                if (o == 1)
                {
                    if (!Numbers.TryParse(csv.GetField(2), out double lr))
                        throw new InvalidDataException($"{path}, line {line}: lr must be a number");
                    rate = lr;
                }
                rows.Add(new StatRow(csv.GetField(0)!, scale, csv.GetField(2 + o)!, csv.GetField(3 + o)!, csv.GetField(4 + o)!, csv.GetField(5 + o)!, value, rate));
            }
        }
        return SweepStats.FromRows(rows, path);
    }

    // ---- manifest.json ----

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Manifest? ReadManifest()
    {
        if (!File.Exists(ManifestPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<Manifest>(File.ReadAllText(ManifestPath), JsonOptions)
                ?? throw new InvalidDataException($"{ManifestPath}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{ManifestPath}: not a GradFlow manifest ({e.Message})");
        }
    }

    public void WriteManifest(Manifest manifest) =>
        AtomicFile.WriteText(ManifestPath, w => w.Write(JsonSerializer.Serialize(manifest, JsonOptions) + "\n"));

    /// <summary>The spec fields (JSON names) whose values differ between two specs.</summary>
    public static IReadOnlyList<string> Differences(AblationSpec a, AblationSpec b)
    {
        var ja = JsonSerializer.SerializeToNode(a, JsonOptions)!.AsObject();
        var jb = JsonSerializer.SerializeToNode(b, JsonOptions)!.AsObject();
        var names = ja.Select(p => p.Key).Union(jb.Select(p => p.Key));
        return names.Where(n => !JsonNode.DeepEquals(ja[n], jb[n])).ToArray();
    }
}
