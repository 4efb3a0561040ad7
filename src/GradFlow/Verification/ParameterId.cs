namespace GradFlow.Verification;

/// <summary>
/// One parameter of a network, named as the study names its arrays: layer 1-based (W1, b1, W2, ...),
/// indices 0-based as NumPy's W[i, j] with i over fan_in and j over fan_out.
/// </summary>
public readonly record struct ParameterId(int Layer, bool IsBias, int Row, int Column)
{
    public static ParameterId Weight(int layer, int row, int column) => new(layer, false, row, column);
    public static ParameterId Bias(int layer, int index) => new(layer, true, 0, index);

    public override string ToString() => IsBias ? $"b{Layer}[{Column}]" : $"W{Layer}[{Row},{Column}]";
}
