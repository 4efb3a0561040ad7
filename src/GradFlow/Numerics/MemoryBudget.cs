using System.Globalization;

namespace GradFlow.Numerics;

/// <summary>
/// Whether a job fits before anything is allocated or written: the doubles it holds at once against
/// the memory the machine (or container) makes available, and its largest array against .NET's limit.
/// </summary>
public static class MemoryBudget
{
    /// <summary>The share of the available memory a job may plan to use (the rest: runtime, GC headroom, other processes).</summary>
    public const double UsableFraction = 0.8;

    /// <summary>What the GC reports as available to this process: physical memory or the container's limit.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Null when <paramref name="doubles"/> values (8 bytes each) fit in <paramref name="availableBytes"/>
    /// and no array exceeds <see cref="Array.MaxLength"/> elements; else what is too big, in words.
    /// Sizes are computed in double precision so that no product of widths can overflow.
    /// </summary>
    public static string? Problem(double doubles, double largestArray, long availableBytes)
    {
        if (largestArray > Array.MaxLength)
            return string.Create(CultureInfo.InvariantCulture, $"needs an array of {largestArray:G4} values, more than the {Array.MaxLength} an array can hold");
        double bytes = 8 * doubles;
        if (bytes > UsableFraction * availableBytes)
            return string.Create(CultureInfo.InvariantCulture, $"needs about {Gigabytes(bytes)} of memory, more than the {Gigabytes(UsableFraction * availableBytes)} this machine can give it ({UsableFraction * 100:0}% of {Gigabytes(availableBytes)} available)");
        return null;
    }

    public static string Gigabytes(double bytes) =>
        bytes >= 1e9 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.#} GB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.#} MB");
}
