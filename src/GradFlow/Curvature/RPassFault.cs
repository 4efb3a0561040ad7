namespace GradFlow.Curvature;

/// <summary>A deliberately planted bug in the R-pass, so that the HVP gate can be shown to catch one (tests only).</summary>
internal enum RPassFault
{
    None,

    /// <summary>Drops φ″(z)·R(z)·(δWᵀ), the only term through which φ″ enters.</summary>
    DropCurvatureTerm,

    /// <summary>Drops the direction's own weights from the backward pass (δ·Vᵀ in R(δ)).</summary>
    DropDirectionInBackward,
}
