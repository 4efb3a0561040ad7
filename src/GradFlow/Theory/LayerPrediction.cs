namespace GradFlow.Theory;

/// <summary>
/// The mean-field prediction for hidden layer <see cref="Layer"/> (1-based) at initialisation:
/// <see cref="Q"/> the mean z² over its units and rows, <see cref="Chi"/> = ‖δ^l‖²/‖δ^{l+1}‖² (l + 1 may be
/// the output layer), <see cref="DeltaRel"/> = ‖δ^l‖/‖δ^last hidden‖, and <see cref="WeightGradientRel"/>
/// = ‖∂L/∂W^l‖/‖∂L/∂W^last hidden‖ from the rows' own terms ‖a_r^{l−1}‖²‖δ_r^l‖² (exact for one row;
/// a batch adds cross terms between rows that this leaves out).
/// </summary>
public sealed record LayerPrediction(int Layer, int FanIn, int FanOut, double Q, double Chi, double DeltaRel, double WeightGradientRel);
