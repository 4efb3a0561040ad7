namespace GradFlow.Theory;

/// <summary>
/// Poole et al. (2016) and Schoenholz et al. (2017): χ₁ &lt; 1 ordered (nearby inputs converge, gradients
/// vanish with depth), χ₁ &gt; 1 chaotic (they decorrelate, gradients explode), χ₁ = 1 the edge of chaos.
/// </summary>
public enum Phase
{
    Ordered,
    Edge,
    Chaotic,
}
