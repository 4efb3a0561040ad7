using System.Globalization;

namespace GradFlow.Experiments;

/// <summary>
/// The i-th of n disjoint slices of a sweep's run list (1-based): run r belongs to shard (r mod n) + 1,
/// so every shard gets a similar mix of activations and seeds.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard Whole { get; } = new(1, 1);

    public bool IsWhole => Count == 1;

    public bool Owns(int runIndex) => runIndex % Count == Index - 1;

    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i >= 1 && i <= n)
            return new Shard(i, n);
        throw new SpecException($"shard: '{text}' is not i/n with 1 <= i <= n, e.g. 1/4");
    }

    public override string ToString() => $"{Index}/{Count}";
}
