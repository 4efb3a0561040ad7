using System.Globalization;
using System.Security.Cryptography;
using GradFlow.IO;
using GradFlow.Training;

namespace GradFlow.Experiments;

/// <summary>
/// What makes a run file on disk count as finished when a sweep resumes: the SHA-256 and length recorded
/// right after it was written (in <c>.checksums/&lt;run&gt;.csv.sha256</c>) still match, it reads, and it
/// records exactly the epochs the spec logs (up to the diverging epoch for a diverged run). A file cut
/// short, edited, or written by a process killed before its checksum was recorded is run again.
/// </summary>
public static class RunProof
{
    public const string Folder = ".checksums";

    public static string PathOf(ResultStore store, RunKey key) => Path.Combine(store.Root, Folder, key.Stem + ".csv.sha256");

    /// <summary>Records the run file's checksum and length; call after the file is written and renamed into place.</summary>
    public static void Record(ResultStore store, RunKey key)
    {
        var (hash, length) = Hash(store.RunPath(key));
        AtomicFile.WriteText(PathOf(store, key), w => w.Write(string.Create(CultureInfo.InvariantCulture, $"{hash} {length}\n")));
    }

    /// <summary>The run as read back when its file is proven complete (into <paramref name="reuse"/> when it fits, see <see cref="ResultStore.ReadRun(RunKey, GradFlow.Metrics.RunLog?)"/>); else null and why, in words.</summary>
    public static (RunResult? Run, string? Why) Read(ResultStore store, AblationSpec spec, RunKey key, GradFlow.Metrics.RunLog? reuse = null)
    {
        string proof = PathOf(store, key);
        if (!File.Exists(proof)) return (null, "no checksum was recorded when it was written (cut short, or written by an older GradFlow)");
        var recorded = File.ReadAllText(proof).Trim().Split(' ');
        var (hash, length) = Hash(store.RunPath(key));
        if (recorded.Length != 2 || recorded[0] != hash || recorded[1] != length.ToString(CultureInfo.InvariantCulture))
            return (null, string.Create(CultureInfo.InvariantCulture, $"its checksum or length ({length} bytes) no longer matches the one recorded when it was written"));
        RunResult run;
        try { run = store.ReadRun(key, reuse); }
        catch (InvalidDataException e) { return (null, "it cannot be read (" + e.Message + ")"); }
        return Epochs(spec, run) is { } why ? (null, why) : (run, null);
    }

    // The epochs a finished run records: every logged one, or those before its divergence and the diverging one.
    private static string? Epochs(AblationSpec spec, RunResult run)
    {
        var options = new TrainingOptions(spec.LearningRate, spec.Epochs, spec.LogEvery);
        int last = run.DivergedAt ?? spec.Epochs - 1;
        var expected = Enumerable.Range(0, last).Where(options.IsLogged).Append(last).Distinct().ToArray();
        var found = Enumerable.Range(0, run.Log.Count).Select(run.Log.Epoch).ToArray();
        if (found.SequenceEqual(expected)) return null;
        string lastFound = found.Length > 0 ? found[^1].ToString(CultureInfo.InvariantCulture) : "none";
        return string.Create(CultureInfo.InvariantCulture, $"it records {found.Length} of {expected.Length} epochs (last {lastFound}, expected {last})");
    }

    private static (string Hash, long Length) Hash(string path)
    {
        using var file = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(file)), file.Length);
    }
}
