using System.Numerics;
using GradFlow.Random;

namespace GradFlow.Model;

/// <summary>A seeded random subset of a network's parameters, by flat index (weights then biases, layer by layer).</summary>
public static class ParameterSample
{
    /// <summary>The first <paramref name="count"/> entries of default_rng(seed).permutation(total), ascending.</summary>
    public static int[] Indices(int total, int count, BigInteger seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Stryker disable once Equality : at count = total the sorted whole permutation is 0, 1, …, total − 1 as well (docs/mutation-survivors.md)
        if (count >= total) return Enumerable.Range(0, total).ToArray();
        var chosen = Generator.DefaultRng(seed).Permutation(total).AsSpan(0, count).ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
