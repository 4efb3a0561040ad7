using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>
/// The NumPy reference draws in oracle/numpy_vectors.json.gz, written by oracle/make_vectors.py.
/// Doubles are stored as 16-hex-digit IEEE-754 bit patterns.
/// </summary>
internal static class OracleVectors
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Root => Document.Value.RootElement;

    private static readonly Lazy<JsonDocument> BranchDocument = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Random", "oracle", "branch_vectors.json"))));

    /// <summary>oracle/branch_vectors.json, written by oracle/make_branch_vectors.py: log1p's branches, a long shuffle.</summary>
    public static JsonElement Branches => BranchDocument.Value.RootElement;

    public static string NumPyVersion => Root.GetProperty("numpy_version").GetString()!;

    public static IEnumerable<JsonElement> Seeds => Root.GetProperty("seeds").EnumerateArray();

    /// <summary>Every seed of the file, for [MemberData].</summary>
    public static TheoryData<string> SeedNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var seed in Seeds) data.Add(seed.GetProperty("seed").GetString()!);
            return data;
        }
    }

    public static JsonElement ForSeed(string seed) =>
        Seeds.Single(s => s.GetProperty("seed").GetString() == seed);

    public static long[] Bits(JsonElement hexArray) =>
        hexArray.EnumerateArray().Select(e => (long)ulong.Parse(e.GetString()!, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)).ToArray();

    public static double[] Doubles(JsonElement hexArray) => Bits(hexArray).Select(BitConverter.Int64BitsToDouble).ToArray();

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static ulong[] UInt64s(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt64()).ToArray();

    private static JsonDocument Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Random", "oracle", "numpy_vectors.json.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }
}
