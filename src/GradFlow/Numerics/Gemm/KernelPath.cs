namespace GradFlow.Numerics;

/// <summary>Which kernels a pass gives its layers. Every choice gives the same bits; only the speed differs.</summary>
public enum KernelPath
{
    /// <summary>The tiled kernels on wide layers where the hardware has Vector512, the row kernels elsewhere.</summary>
    ByShape,

    /// <summary>The row kernels (<see cref="Kernels.LinearCombination"/>, <see cref="Kernels.Dots"/>) on every layer.</summary>
    Rows,

    /// <summary>The tiled kernels (<see cref="PanelGemm"/>, <see cref="LaneDotGemm"/>) on every layer with more than one unit, whatever the hardware.</summary>
    Tiled,
}
