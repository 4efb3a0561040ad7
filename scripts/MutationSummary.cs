// Prints one area's mutation counts and score from Stryker's mutation-report.json, then its survivors.
// Usage: dotnet run --file scripts/MutationSummary.cs -- <mutation-report.json> <area> <minutes>
using System.Globalization;
using System.Text.Json;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MutationSummary <mutation-report.json> <area> <minutes>");
    return 2;
}
using var report = JsonDocument.Parse(File.ReadAllText(args[0]));
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
int Count(string s) => counts.GetValueOrDefault(s);
int killed = Count("Killed"), survived = Count("Survived"), timeout = Count("Timeout"), noCoverage = Count("NoCoverage");
int detected = killed + timeout, tested = detected + survived + noCoverage;
// Stryker's score: detected over valid mutants (compile errors and ignored mutants are not counted).
double score = tested == 0 ? double.NaN : 100.0 * detected / tested;
Console.WriteLine("area | mutants | killed | survived | timeout | no coverage | score | minutes");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{args[1]} | {tested} | {killed} | {survived} | {timeout} | {noCoverage} | {score:F2} % | {args[2]}"));
foreach (var (status, n) in counts)
    if (status is not ("Killed" or "Survived" or "Timeout" or "NoCoverage")) Console.WriteLine($"  ({n} {status}, not counted)");
open.Sort(StringComparer.Ordinal);
foreach (var line in open) Console.WriteLine(line);
return 0;
