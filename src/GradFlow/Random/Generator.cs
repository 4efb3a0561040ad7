using System.Numerics;

namespace GradFlow.Random;

/// <summary>
/// The one random generator of GradFlow: bit for bit the draws of NumPy's <c>np.random.default_rng(seed)</c>
/// (a <c>Generator</c> over <see cref="Pcg64"/> seeded through <see cref="SeedSequence"/>).
/// </summary>
public sealed class Generator
{
    private readonly Pcg64 _bitGenerator;

    private Generator(Pcg64 bitGenerator) => _bitGenerator = bitGenerator;

    /// <summary>Same as <c>np.random.default_rng(seed)</c> for any integer seed >= 0.</summary>
    public static Generator DefaultRng(BigInteger seed) => new(new Pcg64(new SeedSequence(seed)));

    /// <summary>The underlying bit generator (NumPy's <c>Generator.bit_generator</c>).</summary>
    public Pcg64 BitGenerator => _bitGenerator;

    /// <summary><c>bit_generator.random_raw()</c>: the next 64-bit output.</summary>
    public ulong NextUInt64() => _bitGenerator.NextUInt64();

    /// <summary><c>integers(0, 2**32, dtype=np.uint32)</c>: the next buffered 32-bit output.</summary>
    public uint NextUInt32() => _bitGenerator.NextUInt32();

    /// <summary><c>Generator.random()</c>: a double in [0, 1).</summary>
    public double Random() => _bitGenerator.NextDouble();

    /// <summary><c>Generator.random(size)</c> into <paramref name="destination"/>.</summary>
    public void Random(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = _bitGenerator.NextDouble();
    }

    /// <summary><c>Generator.uniform(low, high, size)</c> into <paramref name="destination"/>: low + (high - low) * random().</summary>
    public void Uniform(double low, double high, Span<double> destination)
    {
        double range = high - low;
        if (!double.IsFinite(range))
            throw new ArgumentOutOfRangeException(nameof(high), "high - low must be finite.");
        for (int i = 0; i < destination.Length; i++) destination[i] = low + range * _bitGenerator.NextDouble();
    }

    /// <summary><c>Generator.standard_normal(size)</c> into <paramref name="destination"/>.</summary>
    public void StandardNormal(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = Ziggurat.StandardNormal(_bitGenerator);
    }

    /// <summary><c>Generator.normal(loc, scale, size)</c> into <paramref name="destination"/>: loc + scale * standard_normal().</summary>
    public void Normal(double loc, double scale, Span<double> destination)
    {
        // NumPy rejects any scale with the sign bit set, -0.0 included.
        if (!double.IsNaN(scale) && double.IsNegative(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), "scale must be non-negative.");
        for (int i = 0; i < destination.Length; i++) destination[i] = loc + scale * Ziggurat.StandardNormal(_bitGenerator);
    }

    /// <summary><c>Generator.permutation(n)</c>: <c>shuffle(arange(n))</c>.</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var values = new int[n];
        for (int i = 0; i < n; i++) values[i] = i;
        Shuffle<int>(values);
        return values;
    }

    /// <summary><c>Generator.shuffle(x)</c> of a one-dimensional array, in place.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        // Stryker disable once Equality : a step at i = 0 draws nothing (RandomInterval(0) returns 0) and swaps values[0] with itself (docs/mutation-survivors.md)
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = (int)RandomInterval((uint)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    // NumPy's random_interval: uniform in [0, max] by rejection of masked draws. A span's length
    // is below 2^31, so only its 32-bit branch (buffered 32-bit draws) can occur here.
    private uint RandomInterval(uint max)
    {
        if (max == 0) return 0;
        uint mask = max;
        // Stryker disable Bitwise : mask is a uint, where >> already shifts in zeros as >>> does (docs/mutation-survivors.md)
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        // Stryker restore Bitwise
        uint value;
        do value = _bitGenerator.NextUInt32() & mask;
        while (value > max);
        return value;
    }
}
