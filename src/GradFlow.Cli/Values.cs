using System.Globalization;
using System.Numerics;
using GradFlow.Activations;
using GradFlow.IO;
using GradFlow.Model;

namespace GradFlow.Cli;

/// <summary>
/// Parses option values, always with the invariant culture ("0.5", never "0,5"). Every failure is a
/// <see cref="UsageException"/> naming the option, the value and what is accepted.
/// </summary>
internal static class Values
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The most seeds a range may expand to; beyond it a typo (0-99999999) would eat the memory.</summary>
    public const int MaxSeeds = 100_000;

    public static double Number(string option, string text, string example)
    {
        if (double.TryParse(text, NumberStyles.Float, Invariant, out double value)) return value;
        string hint = text.Contains(',') && !text.Contains('.') ? " (the decimal point is '.')" : "";
        throw new UsageException($"{option}: '{text}' is not a number{hint}; expected e.g. {example}");
    }

    public static double Positive(string option, string text, string example)
    {
        double v = Number(option, text, example);
        return v > 0 && double.IsFinite(v) ? v : throw new UsageException($"{option}: {text} is not a finite number > 0; expected e.g. {example}");
    }

    public static double NonNegative(string option, string text, string example)
    {
        double v = Number(option, text, example);
        return v >= 0 && double.IsFinite(v) ? v : throw new UsageException($"{option}: {text} is not a finite number >= 0; expected e.g. {example}");
    }

    public static double Finite(string option, string text, string example)
    {
        double v = Number(option, text, example);
        return double.IsFinite(v) ? v : throw new UsageException($"{option}: {text} is not a finite number; expected e.g. {example}");
    }

    /// <summary>A test fraction in [0, 1).</summary>
    public static double TestSize(string option, string text)
    {
        double v = Number(option, text, "0.25");
        return v >= 0 && v < 1 ? v : throw new UsageException($"{option}: {text} is not in [0, 1); expected a test fraction such as 0.25, or 0 for no test split");
    }

    public static int Integer(string option, string text, int min, string example)
    {
        if (int.TryParse(text, NumberStyles.Integer, Invariant, out int v) && v >= min) return v;
        string what = min switch { 1 => "a positive integer", 0 => "an integer >= 0", _ => "an integer >= " + Numbers.Format(min) };
        throw new UsageException($"{option}: '{text}' is not {what}; expected e.g. {example}");
    }

    /// <summary>The most digits a seed may have (NumPy takes any int >= 0; this keeps a typo from eating the memory).</summary>
    public const int MaxSeedDigits = 1000;

    /// <summary>Any integer >= 0, as np.random.default_rng takes it.</summary>
    public static BigInteger Seed(string option, string text) =>
        TryParseSeed(text.Trim(), out var v) ? v
        : throw new UsageException(string.Create(Invariant, $"{option}: '{text}' is not a seed; expected an integer >= 0 of at most {MaxSeedDigits} digits, e.g. 42"));

    private static bool TryParseSeed(string text, out BigInteger seed)
    {
        seed = default;
        return text.Length is > 0 and <= MaxSeedDigits && text.All(char.IsAsciiDigit)
            && BigInteger.TryParse(text, NumberStyles.None, Invariant, out seed);
    }

    /// <summary>Seeds as "0-9", "0,3,7" or mixes such as "0-2,7", in the order given; each seed once.</summary>
    public static IReadOnlyList<BigInteger> Seeds(string option, string text)
    {
        string accepted = string.Create(Invariant, $"expected seeds such as 0-9, 0,3,7 or 0-2,7 (integers >= 0 of at most {MaxSeedDigits} digits, ranges low-high with low <= high)");
        var seeds = new List<BigInteger>();
        var seen = new HashSet<BigInteger>();
        foreach (var raw in text.Split(','))
        {
            string part = raw.Trim();
            string where = part == text.Trim() ? $"'{part}'" : $"'{part}' in '{text}'";
            int dash = part.IndexOf('-');
            BigInteger lo, hi;
            if (dash < 0)
            {
                if (!TryParseSeed(part, out lo)) throw new UsageException($"{option}: {where} is not a seed; {accepted}");
                hi = lo;
            }
            else if (!TryParseSeed(part[..dash].Trim(), out lo) || !TryParseSeed(part[(dash + 1)..].Trim(), out hi))
                throw new UsageException($"{option}: {where} is not a seed range; {accepted}");
            else if (lo > hi)
                throw new UsageException($"{option}: range '{part}' runs backwards; {accepted}");
            if (hi - lo >= MaxSeeds || seeds.Count + (int)(hi - lo) >= MaxSeeds)
                throw new UsageException(string.Create(Invariant, $"{option}: '{text}' is more than {MaxSeeds} seeds; {accepted}"));
            for (var s = lo; s <= hi; s++)
            {
                if (!seen.Add(s)) throw new UsageException($"{option}: seed {s.ToString(Invariant)} appears twice in '{text}'; expected each seed once");
                seeds.Add(s);
            }
        }
        return seeds;
    }

    /// <summary>Comma-separated items, trimmed; an empty item (as in "relu,,tanh") is an error.</summary>
    public static IReadOnlyList<string> List(string option, string text, string accepted)
    {
        var items = text.Split(',').Select(s => s.Trim()).ToArray();
        if (items.Any(s => s.Length == 0)) throw new UsageException($"{option}: '{text}' has an empty item; expected a comma-separated list of {accepted}");
        if (items.Distinct(StringComparer.OrdinalIgnoreCase).Count() != items.Length) throw new UsageException($"{option}: '{text}' names a value twice; expected each once");
        return items;
    }

    public static IReadOnlyList<double> Scales(string option, string text)
    {
        var scales = List(option, text, "finite numbers > 0, e.g. 0.5,1,2").Select(s => Positive(option, s, "0.5,1,2")).ToArray();
        if (scales.Distinct().Count() != scales.Length) throw new UsageException($"{option}: '{text}' names a scale twice; expected each once");
        return scales;
    }

    /// <summary>The registry's name of an activation (the spelling used in file names).</summary>
    public static string Activation(string option, string name) =>
        ActivationRegistry.TryGet(name, out var a) ? a.Name
        : throw new UsageException($"{option}: unknown activation '{name}'; valid: {string.Join(", ", ActivationRegistry.Names)}");

    public static IReadOnlyList<string> Activations(string option, string text) =>
        List(option, text, "activations (" + string.Join(", ", ActivationRegistry.Names) + ")").Select(n => Activation(option, n)).ToArray();

    public static string Init(string option, string name)
    {
        foreach (var n in InitSchemes.Names)
            if (string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)) return n;
        throw new UsageException($"{option}: unknown init '{name}'; valid: {string.Join(", ", InitSchemes.Names)}");
    }

    public static IReadOnlyList<string> Inits(string option, string text) =>
        List(option, text, "inits (" + string.Join(", ", InitSchemes.Names) + ")").Select(n => Init(option, n)).ToArray();

    public static Architecture Arch(string option, string text)
    {
        const string accepted = "expected positive layer widths separated by commas, ending in 1 (one sigmoid output), e.g. 2,16,16,1";
        try
        {
            return Architecture.Parse(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"{option}: '{text}' is not an architecture; {accepted}");
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: '{text}' is not an architecture ({e.Message}); {accepted}");
        }
    }

    /// <summary>A file to write: not a folder, its parent not a file. Returns the full path.</summary>
    public static string OutputFile(string option, string path, params string[] extensions)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option}: the path is empty; expected a file path");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option}: '{path}' is not a valid path; expected a file path");
        }
        if (Directory.Exists(full)) throw new UsageException($"{option}: '{path}' is a folder; expected a file path");
        if (path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
            throw new UsageException($"{option}: '{path}' ends in a folder separator; expected a file path such as {Path.Combine(path, "model.json")}");
        if (extensions.Length > 0 && !extensions.Any(x => full.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
            throw new UsageException($"{option}: '{path}' does not end in {string.Join(" or ", extensions)}; expected e.g. figure{extensions[0]}");
        for (var dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) throw new UsageException($"{option}: '{path}' lies below '{dir}', which is a file; expected a file path in a folder");
        return full;
    }

    /// <summary>Seeds as the shortest list of ranges: 0-9, or 0,3,7, or 0-2,7.</summary>
    public static string FormatSeeds(IReadOnlyList<BigInteger> seeds)
    {
        var parts = new List<string>();
        for (int i = 0; i < seeds.Count;)
        {
            int j = i;
            while (j + 1 < seeds.Count && seeds[j + 1] == seeds[j] + 1) j++;
            parts.Add(j - i >= 2 ? string.Create(Invariant, $"{seeds[i]}-{seeds[j]}")
                : string.Join(",", seeds.Skip(i).Take(j - i + 1).Select(s => s.ToString(Invariant))));
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    public static string Format(double value, string format) => value.ToString(format, Invariant);
}
