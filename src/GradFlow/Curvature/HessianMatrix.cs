namespace GradFlow.Curvature;

/// <summary>
/// The dense Hessian, P × P row-major in the layout's parameter order, symmetrised as (H + Hᵀ)/2 after
/// its asymmetry was found at rounding level. <see cref="Asymmetry"/> is the largest |H_ij − H_ji| before.
/// </summary>
public sealed record HessianMatrix(int Size, double[] Values, double Asymmetry)
{
    public double this[int i, int j] => Values[i * Size + j];

    /// <summary>tr H = Σ H_ii, summed in index order.</summary>
    public double Trace
    {
        get
        {
            double t = 0;
            for (int i = 0; i < Size; i++) t += Values[i * Size + i];
            return t;
        }
    }

    /// <summary>max |H_ij|.</summary>
    public double MaxAbs => Values.Length == 0 ? 0 : Values.Max(Math.Abs);
}
