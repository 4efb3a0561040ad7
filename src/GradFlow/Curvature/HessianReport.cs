using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Curvature;

/// <summary>What <c>gradflow hessian</c> writes: the loss, the dense Hessian, its ascending spectrum and its trace.</summary>
public sealed record HessianReport(double Loss, HessianMatrix Hessian, EigenDecomposition Spectrum)
{
    public int Parameters => Hessian.Size;

    /// <summary>tr H as Σ H_ii (exact up to the entries' rounding; the eigenvalues' sum agrees to rounding).</summary>
    public double Trace => Hessian.Trace;

    /// <summary>Refuses (<see cref="ArgumentException"/>) a model above <see cref="DenseHessian.MaxParameters"/> parameters, naming the limit, and one whose loss or Hessian is not finite on the data.</summary>
    public static HessianReport Compute(Mlp model, Dataset data)
    {
        if (model.ParameterCount > DenseHessian.MaxParameters)
            throw new ArgumentException($"the model has {model.ParameterCount} parameters; the dense Hessian takes at most {DenseHessian.MaxParameters}");
        var hvp = new HessianVectorProduct(model.Architecture, data.Count);
        hvp.Prepare(model, data);
        if (!double.IsFinite(hvp.Loss))
            throw new ArgumentException($"the loss is not finite at these parameters ({hvp.Loss.ToString(System.Globalization.CultureInfo.InvariantCulture)}: the forward pass overflows)");
        var h = DenseHessian.Compute(hvp);
        return new HessianReport(hvp.Loss, h, SymmetricEigen.Decompose(h, vectors: false));
    }
}
