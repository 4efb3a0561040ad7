using System.Globalization;

namespace GradFlow.Model;

/// <summary>Layer widths from input to output, e.g. [2, 16, 16, 1]; the output is one sigmoid unit.</summary>
public sealed record Architecture
{
    public Architecture(IReadOnlyList<int> widths)
    {
        if (widths.Count < 2) throw new ArgumentException($"an architecture needs at least an input and an output width, got [{string.Join(",", widths)}]");
        for (int i = 0; i < widths.Count; i++)
            if (widths[i] <= 0) throw new ArgumentException($"layer widths must be positive integers, got [{string.Join(",", widths)}]");
        if (widths[^1] != 1) throw new ArgumentException($"the output layer must have width 1 (one sigmoid unit), got [{string.Join(",", widths)}]");
        _widths = widths.ToArray();
    }

    private readonly int[] _widths;

    public IReadOnlyList<int> Widths => _widths;
    public int Inputs => Widths[0];
    public int LayerCount => Widths.Count - 1;
    public int HiddenLayerCount => Widths.Count - 2;

    /// <summary>
    /// Parses "2,16,16,1"; every failure is a <see cref="FormatException"/> whose message says what is
    /// accepted, so that a caller handles one exception type for any bad text.
    /// </summary>
    public static Architecture Parse(string text)
    {
        const string accepted = "a comma-separated list of at least two positive integers ending in 1, e.g. 2,16,16,1";
        var parts = text.Split(',');
        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] <= 0)
                throw new FormatException($"architecture '{text}' is not {accepted}");
        }
        if (widths.Length < 2 || widths[^1] != 1)
            throw new FormatException($"architecture '{text}' is not {accepted} (the output is one sigmoid unit)");
        return new Architecture(widths);
    }

    public override string ToString() => string.Join(",", Widths);

    public bool Equals(Architecture? other) =>
        other is not null && (ReferenceEquals(this, other) || _widths.AsSpan().SequenceEqual(other._widths));

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var w in _widths) h.Add(w);
        return h.ToHashCode();
    }
}
