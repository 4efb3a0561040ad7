// Mutation counts and scores from Stryker's mutation-report.json files.
// Usage: dotnet run --file scripts/MutationSummary.cs -- <mutation-report.json> <area> <minutes>
//          one area's counts and score, then its survivors (scripts/mutate prints this after a run)
//        dotnet run --file scripts/MutationSummary.cs -- --overall <folder> <break>
//          every area's counts from <folder>/<area>/**/mutation-report.json, and the score of all of
//          src/GradFlow together; exits 1 below <break> or when an area of stryker/*.json has no report
using System.Globalization;
using System.Text.Json;

if (args.Length == 3 && args[0] == "--overall") return Overall(args[1], args[2]);
if (args.Length != 3 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: MutationSummary <mutation-report.json> <area> <minutes> | --overall <folder> <break>");
    return 2;
}
var one = Read(args[0]);
Console.WriteLine("area | mutants | killed | survived | timeout | no coverage | score | minutes");
Console.WriteLine($"{Row(args[1], one)} | {args[2]}");
foreach (var (status, n) in one.Counts)
    if (status is not ("Killed" or "Survived" or "Timeout" or "NoCoverage")) Console.WriteLine($"  ({n} {status}, not counted)");
foreach (var line in one.Open) Console.WriteLine(line);
return 0;

// The whole of src/GradFlow: each config mutates its own files, so the areas' counts add up.
static int Overall(string folder, string breakText)
{
    if (!Directory.Exists(folder))
    {
        Console.Error.WriteLine($"MutationSummary: no folder '{folder}'; expected the folder holding one sub-folder per area (artifacts/mutation)");
        return 2;
    }
    if (!double.TryParse(breakText, NumberStyles.Float, CultureInfo.InvariantCulture, out double bar) || bar is < 0 or > 100)
    {
        Console.Error.WriteLine($"MutationSummary: break '{breakText}' is not a score; expected a number from 0 to 100");
        return 2;
    }
    string configs = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "scripts", "..", "stryker");
    var areas = Directory.Exists(configs)
        ? Directory.GetFiles(configs, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList()
        : Directory.GetDirectories(folder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();
    var total = new Result(new SortedDictionary<string, int>(StringComparer.Ordinal), []);
    var missing = new List<string>();
    Console.WriteLine("area | mutants | killed | survived | timeout | no coverage | score");
    foreach (string area in areas)
    {
        string dir = Path.Combine(folder, area);
        string? report = Directory.Exists(dir)
            ? Directory.GetFiles(dir, "mutation-report.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (report is null)
        {
            missing.Add(area);
            Console.WriteLine($"{area} | no report");
            continue;
        }
        var result = Read(report);
        Console.WriteLine(Row(area, result));
        foreach (var (status, n) in result.Counts) total.Counts[status] = total.Counts.GetValueOrDefault(status) + n;
    }
    Console.WriteLine(Row("src/GradFlow (all areas)", total));
    if (missing.Count > 0)
    {
        Console.Error.WriteLine($"MutationSummary: no report for {string.Join(", ", missing)}: the overall score covers only the areas above");
        return 1;
    }
    if (!(total.Score >= bar))
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MutationSummary: overall score {total.Score:F2} % is below the break {bar}"));
        return 1;
    }
    return 0;
}

static Result Read(string path)
{
    using var report = JsonDocument.Parse(File.ReadAllText(path));
    var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
    var open = new List<string>();
    foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
    {
        foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
        {
            string status = mutant.GetProperty("status").GetString()!;
            counts[status] = counts.GetValueOrDefault(status) + 1;
            if (status is "Survived" or "NoCoverage")
            {
                int line = mutant.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
                string replacement = mutant.TryGetProperty("replacement", out var r) ? r.GetString() ?? "" : "";
                open.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {status,-10} {Path.GetFileName(file.Name)}:{line}  {mutant.GetProperty("mutatorName").GetString()}  → {replacement.ReplaceLineEndings(" ")}"));
            }
        }
    }
    open.Sort(StringComparer.Ordinal);
    return new Result(counts, open);
}

static string Row(string area, Result r) => string.Create(CultureInfo.InvariantCulture,
    $"{area} | {r.Tested} | {r.Count("Killed")} | {r.Count("Survived")} | {r.Count("Timeout")} | {r.Count("NoCoverage")} | {r.Score:F2} %");

sealed record Result(SortedDictionary<string, int> Counts, List<string> Open)
{
    public int Count(string status) => Counts.GetValueOrDefault(status);
    int Detected => Count("Killed") + Count("Timeout");
    public int Tested => Detected + Count("Survived") + Count("NoCoverage");
    // Stryker's score: detected over valid mutants (compile errors and ignored mutants are not counted).
    public double Score => Tested == 0 ? double.NaN : 100.0 * Detected / Tested;
}
