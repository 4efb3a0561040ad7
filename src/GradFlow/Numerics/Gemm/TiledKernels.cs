using System.Runtime.Intrinsics;

namespace GradFlow.Numerics;

/// <summary>The one rule for which layers the tiled kernels (<see cref="PanelGemm"/>, <see cref="LaneDotGemm"/>) take: the passes and the Hessian-vector product share it.</summary>
public static class TiledKernels
{
    /// <summary>
    /// The narrowest layer (min of fan-in and fan-out) the tiled kernels take by shape, on Vector512 hardware.
    /// They won at every width measured, 16 included (bench KernelWidthBenchmarks, AMD EPYC), so only a
    /// one-unit output layer keeps the row kernels, whose dot products already share its δ.
    /// </summary>
    public const int MinimumWidth = 2;

    /// <summary>Whether a layer of <paramref name="fanIn"/> → <paramref name="fanOut"/> units runs through the tiled kernels under <paramref name="path"/>.</summary>
    public static bool Take(int fanIn, int fanOut, KernelPath path) => fanOut > 1 && path switch
    {
        KernelPath.Rows => false,
        KernelPath.Tiled => true,
        _ => Vector512.IsHardwareAccelerated && Math.Min(fanIn, fanOut) >= MinimumWidth,
    };
}
