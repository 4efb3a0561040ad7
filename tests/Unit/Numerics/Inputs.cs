namespace GradFlow.Tests.Unit.Numerics;

/// <summary>Seeded test inputs for the elementary functions: sweeps of the whole double range and its edges.</summary>
internal static class Inputs
{
    /// <summary>Magnitudes log-uniform in [lo, hi], each with a random sign.</summary>
    public static double[] LogUniform(int count, double lo, double hi, int seed)
    {
        var rng = new System.Random(seed);
        double a = Math.Log(lo), b = Math.Log(hi);
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            double m = Math.Exp(a + (b - a) * rng.NextDouble());
            x[i] = rng.Next(2) == 0 ? m : -m;
        }
        return x;
    }

    /// <summary>
    /// A mix for bit-equality checks: log-uniform over every finite magnitude, values near the range
    /// reductions' switch points, random bit patterns (NaNs with payloads, infinities, subnormals), and the specials.
    /// </summary>
    public static double[] Mixed(int count, int seed)
    {
        var rng = new System.Random(seed);
        var x = new double[count];
        var special = Specials;
        double[] switches = [0.625, 7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16, 19.06, 354.0, 700.0, 745.1, 1400.0];
        for (int i = 0; i < count; i++)
        {
            double v = (i % 5) switch
            {
                0 => Math.Exp(rng.NextDouble() * 1418 - 709) * Math.Exp(rng.NextDouble() * 2 - 1), // ~1e-308 .. 1e308
                1 => (rng.NextDouble() * 2 - 1) * 8,
                2 => switches[rng.Next(switches.Length)] + (rng.Next(81) - 40) * 1e-15 * switches[rng.Next(switches.Length)],
                3 => BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue)),
                _ => special[rng.Next(special.Length)],
            };
            x[i] = rng.Next(2) == 0 ? v : -v;
        }
        return x;
    }

    /// <summary>Zeros, infinities, NaNs (quiet, signalling, with payloads, negative), the extremes of the range.</summary>
    public static double[] Specials { get; } =
    [
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN,
        BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0042)),
        BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001), double.Epsilon, -double.Epsilon, 2.2250738585072014e-308,
        double.MaxValue, double.MinValue, 1e-8, 1.0, 0.5, 2.0, 1e300,
    ];
}
