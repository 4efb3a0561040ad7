namespace GradFlow.Random;

/// <summary>
/// The one random generator of GradFlow: the draws of NumPy's <c>np.random.default_rng(seed)</c>.
/// PLACEHOLDER body (System.Random) until the NumPy-compatible streams land; the API is final.
/// </summary>
public sealed class Generator
{
    private readonly System.Random _inner;

    private Generator(System.Random inner) => _inner = inner;

    /// <summary>Same as <c>np.random.default_rng(seed)</c> for any seed in [0, 2^128).</summary>
    public static Generator DefaultRng(UInt128 seed) => new(new System.Random((int)(seed % int.MaxValue)));

    /// <summary><c>Generator.random()</c>: a double in [0, 1).</summary>
    public double Random() => _inner.NextDouble();

    /// <summary><c>Generator.uniform(low, high, size)</c> into <paramref name="destination"/>.</summary>
    public void Uniform(double low, double high, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = low + (high - low) * Random();
    }

    /// <summary><c>Generator.standard_normal(size)</c> into <paramref name="destination"/>.</summary>
    public void StandardNormal(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
            destination[i] = Math.Sqrt(-2 * Math.Log(1 - Random())) * Math.Cos(2 * Math.PI * Random());
    }

    /// <summary><c>Generator.normal(loc, scale, size)</c> into <paramref name="destination"/>.</summary>
    public void Normal(double loc, double scale, Span<double> destination)
    {
        StandardNormal(destination);
        for (int i = 0; i < destination.Length; i++) destination[i] = loc + scale * destination[i];
    }

    /// <summary><c>Generator.permutation(n)</c>.</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = _inner.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
