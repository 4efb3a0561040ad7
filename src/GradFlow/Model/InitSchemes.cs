namespace GradFlow.Model;

/// <summary>Names and standard deviations of the <see cref="InitScheme"/>s.</summary>
public static class InitSchemes
{
    public static IReadOnlyList<string> Names { get; } = ["xavier", "he", "lecun", "gaussian"];

    public static string Name(this InitScheme scheme) => Names[(int)scheme];

    public static InitScheme Parse(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return (InitScheme)i;
        throw new ArgumentException($"unknown init '{name}'; valid: {string.Join(", ", Names)}", nameof(name));
    }

    public static double Std(this InitScheme scheme, int fanIn, int fanOut, double scale) => scheme switch
    {
        InitScheme.Xavier => scale * Math.Sqrt(2.0 / (fanIn + fanOut)),
        InitScheme.He => scale * Math.Sqrt(2.0 / fanIn),
        InitScheme.Lecun => scale * Math.Sqrt(1.0 / fanIn),
        InitScheme.Gaussian => 0.1 * scale,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };
}
