using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Curvature;

/// <summary>
/// Exact Hessian-vector products H·v of the mean binary cross-entropy with respect to all parameters, by
/// Pearlmutter's R-operator (Pearlmutter, "Fast Exact Multiplication by the Hessian", Neural Computation
/// 1994): R{f} = ∂f(θ + tv)/∂t at t = 0, pushed forward through the forward pass and then through the
/// backward pass of <see cref="BatchPass"/>; R{∇L} = H·v. <see cref="Prepare"/> runs the ordinary passes
/// once at θ; every <see cref="Apply"/> after it costs about one more forward and backward pass and
/// allocates nothing. All sums run along the batch through <see cref="Kernels"/> in a fixed order, and
/// the element-wise steps are scalar, so the bits never depend on the vector width or the thread count.
/// <para>
/// With z_l = a_{l−1}W_l + b_l, a_l = φ(z_l), δ_l = ∂L/∂z_l and a direction (V_l, c_l) per layer:
/// R(z_l) = R(a_{l−1})W_l + a_{l−1}V_l + c_l, R(a_l) = φ′(z_l)⊙R(z_l), R(δ_out) = σ′(s)⊙R(s)/m,
/// R(δ_{l−1}) = φ′⊙(R(δ_l)W_lᵀ + δ_lV_lᵀ) + φ″⊙R(z_{l−1})⊙(δ_lW_lᵀ),
/// (Hv)_{W_l} = R(a_{l−1})ᵀδ_l + a_{l−1}ᵀR(δ_l), (Hv)_{b_l} = Σ_rows R(δ_l).
/// </para>
/// </summary>
public sealed class HessianVectorProduct
{
    private readonly BatchPass _pass;
    private readonly RPassFault _fault;
    private readonly int _m;
    private readonly int[] _fanIn, _fanOut;
    // Layer l's input and its R-value interleaved by unit, ((2·fan_in) × m): row 2k is a_{l−1}[k, :], row 2k + 1 is R(a_{l−1})[k, :],
    // so that one fixed-order sum over 2·fan_in rows forms R(z) and one dot product of length 2m both halves of (Hv)_W.
    private readonly double[][] _inputs;
    // Layer l's R(δ) and δ interleaved by unit, ((2·fan_out) × m): row 2j is R(δ_l)[j, :], row 2j + 1 is δ_l[j, :].
    private readonly double[][] _deltas;
    private readonly double[][] _rz;
    // ((2·fan_in) × fan_out): row 2k is V[k, :], row 2k + 1 is W[k, :] — the coefficients of the interleaved inputs.
    private readonly double[][] _forwardCoef;
    // (fan_in × (2·fan_out)): [k, 2j] = W[k, j], [k, 2j + 1] = V[k, j] — the coefficients of the interleaved deltas.
    private readonly double[][] _backwardCoef;
    private readonly double[][] _bias;
    private readonly double[][] _dphi;
    // φ″(z_l) ⊙ (δ_{l+1}W_{l+1}ᵀ) per hidden layer: the only place φ″ enters.
    private readonly double[][] _curvature;
    private readonly double[] _outputWeight;
    // Wide layers' three products go through the tiled kernels (same bits), (Hv)_W first into _tiledGrad[l].
    private readonly bool[] _tiled;
    private readonly double[][] _tiledGrad;
    private readonly PanelGemm? _panels;
    private readonly LaneDotGemm? _lanes;
    private bool _prepared;

    public HessianVectorProduct(Architecture architecture, int batchSize) : this(architecture, batchSize, RPassFault.None) { }

    internal HessianVectorProduct(Architecture architecture, int batchSize, RPassFault fault, KernelPath kernels = KernelPath.ByShape)
    {
        _pass = new BatchPass(architecture, batchSize, kernels);
        _fault = fault;
        _m = batchSize;
        Layout = new ParameterLayout(architecture);
        int layers = architecture.LayerCount;
        _fanIn = new int[layers];
        _fanOut = new int[layers];
        _inputs = new double[layers][];
        _deltas = new double[layers][];
        _rz = new double[layers][];
        _forwardCoef = new double[layers][];
        _backwardCoef = new double[layers][];
        _bias = new double[layers][];
        _dphi = new double[layers][];
        _curvature = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            int fanIn = _fanIn[l] = architecture.Widths[l], fanOut = _fanOut[l] = architecture.Widths[l + 1];
            _inputs[l] = new double[2 * fanIn * batchSize];
            _deltas[l] = new double[2 * fanOut * batchSize];
            _rz[l] = new double[fanOut * batchSize];
            _forwardCoef[l] = new double[2 * fanIn * fanOut];
            _backwardCoef[l] = new double[2 * fanIn * fanOut];
            _bias[l] = new double[fanOut];
            _dphi[l] = new double[fanOut * batchSize];
            _curvature[l] = new double[fanOut * batchSize];
        }
        _outputWeight = new double[batchSize];
        _tiled = new bool[layers];
        _tiledGrad = new double[layers][];
        int rows = 0, depth = 0;
        for (int l = 0;
            // Stryker disable once Equality : with no layer tiled every product takes the row kernels, which give the tiled kernels' bits (docs/mutation-survivors.md)
            l < layers; l++)
        {
            int fanIn = _fanIn[l], fanOut = _fanOut[l];
            _tiled[l] = TiledKernels.Take(fanIn, fanOut, kernels);
            // Stryker disable once Conditional,CollectionExpression : the buffer of a layer that is not tiled is never read (docs/mutation-survivors.md)
            _tiledGrad[l] = _tiled[l] ? new double[fanIn * fanOut] : [];
            // Stryker disable once Statement : an untiled layer then only enlarges the panel buffers, which are never read for it (docs/mutation-survivors.md)
            if (!_tiled[l]) continue;
            rows = Math.Max(rows, Math.Max(fanIn, fanOut));
            depth = Math.Max(depth, 2 * Math.Max(fanIn, fanOut));
        }
        if (rows > 0)
        {
            _panels = new PanelGemm(rows, depth);
            _lanes = new LaneDotGemm();
        }
    }

    public ParameterLayout Layout { get; }

    public Architecture Architecture => Layout.Architecture;

    /// <summary>P, the length of v and of H·v.</summary>
    public int ParameterCount => Layout.Count;

    public int BatchSize => _m;

    /// <summary>The mean loss at the prepared parameters.</summary>
    public double Loss { get; private set; } = double.NaN;

    /// <summary>The forward and backward passes at the model's current parameters, over the batch (x row-major, samples × features).</summary>
    public void Prepare(Mlp model, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        _pass.Forward(model, x);
        Loss = _pass.Loss(y);
        _pass.Backward(model, y);
        int m = _m, last = _fanIn.Length - 1, d = _fanIn[0];
        // The input rows, unit-major; R(x) = 0.
        for (int k = 0; k < d; k++)
        {
            Span<double> row = _inputs[0].AsSpan(2 * k * m, m);
            for (int r = 0; r < m; r++) row[r] = x[r * d + k];
        }
        for (int l = 0; l <= last; l++)
        {
            int fanIn = _fanIn[l], fanOut = _fanOut[l];
            var layer = model.Layers[l];
            if (l > 0)
            {
                var a = _pass.Output(l - 1);
                for (int k = 0; k < fanIn; k++) a.Slice(k * m, m).CopyTo(_inputs[l].AsSpan(2 * k * m, m));
            }
            var delta = _pass.Delta(l);
            for (int j = 0; j < fanOut; j++) delta.Slice(j * m, m).CopyTo(_deltas[l].AsSpan((2 * j + 1) * m, m));
            for (int k = 0; k < fanIn; k++)
                for (int j = 0; j < fanOut; j++)
                {
                    double w = layer.Weights[k * fanOut + j];
                    _forwardCoef[l][(2 * k + 1) * fanOut + j] = w;
                    _backwardCoef[l][k * 2 * fanOut + 2 * j] = w;
                }
            if (l < last)
            {
                _pass.PhiPrime(l).CopyTo(_dphi[l]);
                // (δ_{l+1}W_{l+1}ᵀ)[k, :] = Σ_j W_{l+1}[k, j]·δ_{l+1}[j, :], the backpropagated signal before φ′.
                var next = model.Layers[l + 1];
                Span<double> curvature = _curvature[l];
                for (int k = 0; k < fanOut; k++)
                    Kernels.LinearCombination(_pass.Delta(l + 1), next.FanOut, next.Weights.AsSpan(k * next.FanOut, next.FanOut), 1, 0.0, curvature.Slice(k * m, m));
                Span<double> d2 = _rz[l]; // scratch until Apply writes R(z) here
                model.Activation.SecondDerivative(_pass.PreActivation(l), d2);
                Kernels.Multiply(d2, curvature);
            }
        }
        // ∂δ_out/∂s = σ′(s)/m: δ_out = (σ(s) − y)/m.
        var s = _pass.Logits;
        double invM = 1.0 / m;
        for (int r = 0; r < m; r++) _outputWeight[r] = SpecialFunctions.SigmoidDerivative(s[r]) * invM;
        _prepared = true;
    }

    /// <summary>Prepares over all rows of <paramref name="data"/> (whose row count must be the batch size).</summary>
    public void Prepare(Mlp model, Dataset data)
    {
        if (data.Count != _m) throw new ArgumentException($"{data.Count} rows for a product over a batch of {_m}");
        Prepare(model, data.X, data.Y);
    }

    /// <summary>∇L at the prepared parameters, in the layout's order.</summary>
    public void Gradient(Span<double> gradient)
    {
        RequirePrepared();
        if (gradient.Length != ParameterCount) throw new ArgumentException($"a gradient of {gradient.Length} values for {ParameterCount} parameters");
        for (int l = 0; l < _fanIn.Length; l++)
        {
            _pass.GradW(l).CopyTo(gradient[Layout.WeightOffset(l)..]);
            _pass.GradB(l).CopyTo(gradient[Layout.BiasOffset(l)..]);
        }
    }

    /// <summary>hv = H·v at the prepared parameters (v and hv of length P, not overlapping).</summary>
    public void Apply(ReadOnlySpan<double> v, Span<double> hv)
    {
        RequirePrepared();
        if (v.Length != ParameterCount || hv.Length != ParameterCount)
            throw new ArgumentException($"v has {v.Length} and hv {hv.Length} values; the model has {ParameterCount} parameters");
        int m = _m, last = _fanIn.Length - 1;
        for (int l = 0; l <= last; l++)
        {
            int fanIn = _fanIn[l], fanOut = _fanOut[l], w0 = Layout.WeightOffset(l);
            for (int k = 0; k < fanIn; k++)
                for (int j = 0; j < fanOut; j++)
                {
                    double vkj = v[w0 + k * fanOut + j];
                    _forwardCoef[l][2 * k * fanOut + j] = vkj;
                    _backwardCoef[l][k * 2 * fanOut + 2 * j + 1] = _fault == RPassFault.DropDirectionInBackward ? 0.0 : vkj;
                }
            v.Slice(Layout.BiasOffset(l), fanOut).CopyTo(_bias[l]);
        }

        // R-forward: R(z_l)[j, :] = c_j + Σ_k (V[k, j]·a[k, :] + W[k, j]·R(a)[k, :]), k in order.
        for (int l = 0; l <= last; l++)
        {
            int fanIn = _fanIn[l], fanOut = _fanOut[l];
            ReadOnlySpan<double> rows = _inputs[l];
            Span<double> rz = _rz[l];
            if (_tiled[l]) _panels!.Multiply(_forwardCoef[l], 1, fanOut, fanOut, 2 * fanIn, _bias[l], _inputs[l], m, _rz[l], []);
            else
            {
                int j = 0;
                for (; j + 2 <= fanOut; j += 2)
                    Kernels.LinearCombination2(rows, 2 * fanIn, _forwardCoef[l].AsSpan(j), fanOut, 1, _bias[l][j], _bias[l][j + 1], rz.Slice(j * m, m), rz.Slice((j + 1) * m, m));
                if (j < fanOut)
                    Kernels.LinearCombination(rows, 2 * fanIn, _forwardCoef[l].AsSpan(j), fanOut, _bias[l][j], rz.Slice(j * m, m));
            }
            if (l < last)
            {
                // R(a) = φ′(z)⊙R(z) into the odd rows of the next layer's input.
                ReadOnlySpan<double> dphi = _dphi[l];
                Span<double> next = _inputs[l + 1];
                for (int u = 0; u < fanOut; u++)
                {
                    Span<double> ra = next.Slice((2 * u + 1) * m, m);
                    for (int r = 0; r < m; r++) ra[r] = dphi[u * m + r] * rz[u * m + r];
                }
            }
            else
            {
                Span<double> rDeltaOut = _deltas[l].AsSpan(0, m);
                for (int r = 0; r < m; r++) rDeltaOut[r] = _outputWeight[r] * rz[r];
            }
        }

        // R-backward, output to input.
        for (int l = last; l >= 0; l--)
        {
            int fanIn = _fanIn[l], fanOut = _fanOut[l];
            ReadOnlySpan<double> inputs = _inputs[l], deltas = _deltas[l];
            int w0 = Layout.WeightOffset(l), b0 = Layout.BiasOffset(l);
            // (Hv)_W[k, j] = Σ_r (a[k, r]·R(δ)[j, r] + R(a)[k, r]·δ[j, r]): one dot product of the interleaved rows.
            if (_tiled[l])
            {
                _lanes!.Multiply(_inputs[l], fanIn, _deltas[l], fanOut, 2 * m, _tiledGrad[l]);
                _tiledGrad[l].CopyTo(hv[w0..]);
            }
            else
                for (int k = 0; k < fanIn; k++)
                    Kernels.Dots(inputs.Slice(2 * k * m, 2 * m), deltas, hv.Slice(w0 + k * fanOut, fanOut));
            for (int j = 0; j < fanOut; j++) hv[b0 + j] = Kernels.Sum(deltas.Slice(2 * j * m, m));
            if (l == 0) break;

            // t[k, :] = Σ_j (W[k, j]·R(δ)[j, :] + V[k, j]·δ[j, :]) into the even rows (R(δ)) of the layer below.
            Span<double> below = _deltas[l - 1];
            int stride = 2 * fanOut;
            // Into every other row of below (stride 2m): the odd rows hold δ_{l−1}.
            if (_tiled[l]) _panels!.Multiply(_backwardCoef[l], stride, 1, fanIn, stride, [], _deltas[l], m, _deltas[l - 1], [], outputStride: 2 * m);
            else
            {
                int k2 = 0;
                for (; k2 + 2 <= fanIn; k2 += 2)
                    Kernels.LinearCombination2(deltas, 2 * fanOut, _backwardCoef[l].AsSpan(k2 * stride), 1, stride, 0.0, 0.0,
                        below.Slice(2 * k2 * m, m), below.Slice(2 * (k2 + 1) * m, m));
                if (k2 < fanIn)
                    Kernels.LinearCombination(deltas, 2 * fanOut, _backwardCoef[l].AsSpan(k2 * stride, stride), 1, 0.0, below.Slice(2 * k2 * m, m));
            }
            // R(δ_{l−1}) = φ′⊙t + φ″⊙R(z)⊙(δWᵀ), one rounding for the product and one for the fused add.
            ReadOnlySpan<double> dphi = _dphi[l - 1], curvature = _curvature[l - 1], rz = _rz[l - 1];
            bool dropCurvature = _fault == RPassFault.DropCurvatureTerm;
            for (int k = 0; k < fanIn; k++)
            {
                Span<double> rd = below.Slice(2 * k * m, m);
                int at = k * m;
                for (int r = 0; r < m; r++)
                    rd[r] = dropCurvature ? dphi[at + r] * rd[r] : Math.FusedMultiplyAdd(curvature[at + r], rz[at + r], dphi[at + r] * rd[r]);
            }
        }
    }

    private void RequirePrepared()
    {
        if (!_prepared) throw new InvalidOperationException("Prepare the product at a model's parameters before using it");
    }
}
