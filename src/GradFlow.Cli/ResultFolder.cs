using GradFlow.Experiments;
using GradFlow.IO;

namespace GradFlow.Cli;

/// <summary>What a results folder holds, for validating options against it.</summary>
internal static class ResultFolder
{
    public static (ResultStore Store, Manifest Manifest) Open(string option, string dir)
    {
        if (File.Exists(dir)) throw new UsageException($"{option}: '{dir}' is a file; expected a results folder written by 'gradflow run'");
        if (!Directory.Exists(dir)) throw new UsageException($"{option}: '{dir}' does not exist; expected a results folder written by 'gradflow run'");
        var store = new ResultStore(dir);
        var manifest = store.ReadManifest()
            ?? throw new UsageException($"{option}: '{dir}' has no manifest.json, so it is not a GradFlow results folder; expected one written by 'gradflow run'");
        return (store, manifest);
    }

    /// <summary>The metric columns of the folder's run files (every column but epoch and diverged_at).</summary>
    public static IReadOnlyList<string> Metrics(string option, ResultStore store, AblationSpec spec)
    {
        var key = spec.Runs().FirstOrDefault(store.HasRun)
            ?? throw new UsageException($"{option}: '{store.Root}' holds no run files yet; expected a folder 'gradflow run' has written runs into");
        string path = store.RunPath(key);
        using var reader = new StreamReader(path);
        using var csv = CsvFormat.Reader(reader);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: >= 2 } header || header[0] != "epoch" || header[^1] != ResultStore.DivergedColumn)
            throw new InvalidDataException($"{path}: header must be epoch,<metrics>,{ResultStore.DivergedColumn}");
        return header[1..^1];
    }
}
