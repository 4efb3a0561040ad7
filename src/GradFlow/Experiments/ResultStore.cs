using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GradFlow.IO;
using GradFlow.Metrics;

namespace GradFlow.Experiments;

/// <summary>
/// The files of a results folder (DESIGN.md "File formats"). Every file is written to a temporary
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

    /// <summary>Writes <paramref name="path"/> through a temporary file in the same folder and a rename.</summary>
    public static void WriteAtomic(string path, Action<TextWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = path + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    // ---- run files: epoch, every metric, diverged_at (empty unless the run diverged) ----

    public void WriteRun(RunResult run) => WriteAtomic(RunPath(run.Key), w => WriteRun(w, run));

    private static void WriteRun(TextWriter w, RunResult run)
    {
        using var csv = CsvFormat.Writer(w);
        csv.WriteField("epoch");
        foreach (var c in run.Log.Columns) csv.WriteField(c);
        csv.WriteField(DivergedColumn);
        csv.NextRecord();
        string diverged = run.DivergedAt is int e ? CsvFormat.Number(e) : "";
        for (int r = 0; r < run.Log.Count; r++)
        {
            csv.WriteField(CsvFormat.Number(run.Log.Epoch(r)));
            foreach (double v in run.Log.Row(r)) csv.WriteField(CsvFormat.Number(v));
            csv.WriteField(diverged);
            csv.NextRecord();
        }
    }

    public RunResult ReadRun(RunKey key)
    {
        try
        {
            return ReadRunFile(key);
        }
        catch (CsvHelper.CsvHelperException e)
        {
            throw new InvalidDataException($"{RunPath(key)}, line {e.Context?.Parser?.RawRow}: not a run file ({e.GetType().Name}); expected epoch,<metrics>,{DivergedColumn} rows of numbers");
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
                if (!CsvFormat.TryParse(csv.GetField(0), out int epoch))
                    throw new InvalidDataException($"{path}, line {line}: epoch '{csv.GetField(0)}' is not an integer");
                var values = new double[columns.Length];
                for (int c = 0; c < columns.Length; c++)
                    if (!CsvFormat.TryParse(csv.GetField(c + 1), out values[c]))
                        throw new InvalidDataException($"{path}, line {line}: {columns[c]} '{csv.GetField(c + 1)}' is not a number");
                string? d = csv.GetField(columns.Length + 1);
                if (!string.IsNullOrEmpty(d))
                    divergedAt = CsvFormat.TryParse(d, out int de) ? de : throw new InvalidDataException($"{path}, line {line}: {DivergedColumn} '{d}' is not an integer");
                rows.Add((epoch, values));
            }
        }
        var log = new RunLog(columns, rows.Count);
        foreach (var (epoch, values) in rows) values.CopyTo(log.Append(epoch));
        return new RunResult(key, log, divergedAt);
    }

    // ---- summary/<setting>.csv: epoch, n_seeds, <metric>_mean, <metric>_std ----

    public void WriteSummary(SettingSummary s) => WriteAtomic(SummaryPath(s.Setting), w =>
    {
        using var csv = CsvFormat.Writer(w);
        csv.WriteField("epoch");
        csv.WriteField("n_seeds");
        foreach (var m in s.Metrics)
        {
            csv.WriteField(m + "_mean");
            csv.WriteField(m + "_std");
        }
        csv.NextRecord();
        for (int r = 0; r < s.Epochs.Length; r++)
        {
            csv.WriteField(CsvFormat.Number(s.Epochs[r]));
            csv.WriteField(CsvFormat.Number(s.SeedCount));
            for (int m = 0; m < s.Metrics.Count; m++)
            {
                csv.WriteField(CsvFormat.Number(s.Mean[m][r]));
                csv.WriteField(CsvFormat.Number(s.Std[m][r]));
            }
            csv.NextRecord();
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
            if (!CsvFormat.TryParse(csv.GetField(0), out int epoch) || !CsvFormat.TryParse(csv.GetField(1), out seeds))
                throw new InvalidDataException($"{path}, line {line}: epoch and n_seeds must be integers");
            epochs.Add(epoch);
            for (int m = 0; m < metrics.Count; m++)
            {
                if (!CsvFormat.TryParse(csv.GetField(2 + 2 * m), out double mv) || !CsvFormat.TryParse(csv.GetField(3 + 2 * m), out double sv))
                    throw new InvalidDataException($"{path}, line {line}: {metrics[m]} mean or std is not a number");
                mean[m].Add(mv);
                std[m].Add(sv);
            }
        }
        return new SettingSummary(key, metrics, epochs.ToArray(), mean.Select(l => l.ToArray()).ToArray(), std.Select(l => l.ToArray()).ToArray(), seeds, 0);
    }

    // ---- final.csv: one row per setting at the last epoch, in the study's column order ----

    public void WriteFinal(AblationSpec spec, IReadOnlyList<SettingSummary> summaries) => WriteAtomic(FinalPath, w =>
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
            csv.WriteField(CsvFormat.Number(s.Setting.Scale));
            csv.WriteField(CsvFormat.Number(s.SeedCount));
            csv.WriteField(CsvFormat.Number(spec.Epochs));
            csv.WriteField(CsvFormat.Number(spec.LearningRate));
            csv.WriteField(CsvFormat.Number(spec.Noise));
            csv.WriteField(CsvFormat.Number(spec.TestSize));
            int last = s.Epochs.Length - 1;
            for (int m = 0; m < metrics.Count; m++)
            {
                csv.WriteField(CsvFormat.Number(last >= 0 ? s.Mean[m][last] : double.NaN));
                csv.WriteField(CsvFormat.Number(last >= 0 ? s.Std[m][last] : double.NaN));
            }
            csv.WriteField(CsvFormat.Number(s.DivergedCount));
            csv.NextRecord();
        }
    });

    // ---- stats.csv: init,init_scale,activation,other,metric,statistic,value ----

    public void WriteStats(IReadOnlyList<StatRow> rows) => WriteAtomic(StatsPath, w =>
    {
        using var csv = CsvFormat.Writer(w);
        foreach (var h in new[] { "init", "init_scale", "activation", "other", "metric", "statistic", "value" }) csv.WriteField(h);
        csv.NextRecord();
        foreach (var r in rows)
        {
            csv.WriteField(r.Init);
            csv.WriteField(CsvFormat.Number(r.Scale));
            csv.WriteField(r.Activation);
            csv.WriteField(r.Other);
            csv.WriteField(r.Metric);
            csv.WriteField(r.Statistic);
            csv.WriteField(CsvFormat.Number(r.Value));
            csv.NextRecord();
        }
    });

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
        WriteAtomic(ManifestPath, w => w.Write(JsonSerializer.Serialize(manifest, JsonOptions) + "\n"));

    /// <summary>The spec fields (JSON names) whose values differ between two specs.</summary>
    public static IReadOnlyList<string> Differences(AblationSpec a, AblationSpec b)
    {
        var ja = JsonSerializer.SerializeToNode(a, JsonOptions)!.AsObject();
        var jb = JsonSerializer.SerializeToNode(b, JsonOptions)!.AsObject();
        var names = ja.Select(p => p.Key).Union(jb.Select(p => p.Key));
        return names.Where(n => !JsonNode.DeepEquals(ja[n], jb[n])).ToArray();
    }
}
