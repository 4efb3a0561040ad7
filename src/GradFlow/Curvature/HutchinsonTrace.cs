using System.Numerics;
using GradFlow.Numerics;
using GradFlow.Random;

namespace GradFlow.Curvature;

/// <summary>
/// Hutchinson's estimator of a trace from products alone (Hutchinson, "A stochastic estimator of the trace
/// of the influence matrix for Laplacian smoothing splines", 1990): E[zᵀHz] = tr H for z with independent
/// ±1 entries; its variance per probe is 2·Σ_{i≠j} H_ij². The probes come from a seeded <see cref="Generator"/>
/// (bit i of each 64-bit draw gives one sign), so an estimate is reproducible to the bit.
/// </summary>
public sealed class HutchinsonTrace
{
    private readonly double[] _z, _hz;

    public HutchinsonTrace(int dimension)
    {
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "dimension must be positive");
        _z = new double[dimension];
        _hz = new double[dimension];
    }

    public TraceEstimate Estimate(Lanczos.SpanAction apply, int probes, BigInteger seed)
    {
        if (probes < 2) throw new ArgumentOutOfRangeException(nameof(probes), probes, "at least two probes, for a standard error");
        var rng = Generator.DefaultRng(seed);
        double mean = 0, m2 = 0;
        for (int p = 0; p < probes; p++)
        {
            ulong bits = 0;
            for (int i = 0; i < _z.Length; i++)
            {
                if ((i & 63) == 0) bits = rng.NextUInt64();
                // Stryker disable once Equality : != flips every sign, and zᵀHz is even in z (negation is exact) (docs/mutation-survivors.md)
                _z[i] = (bits & 1) == 0 ? 1.0 : -1.0;
                // Stryker disable once Assignment : bits is a ulong, where >>= and >>>= agree (docs/mutation-survivors.md)
                bits >>= 1;
            }
            apply(_z, _hz);
            double sample = Kernels.Dot(_z, _hz);
            // Welford's running mean and sum of squared deviations.
            double delta = sample - mean;
            mean += delta / (p + 1);
            m2 += delta * (sample - mean);
        }
        return new TraceEstimate(mean, Math.Sqrt(m2 / (probes - 1) / probes), probes);
    }
}
