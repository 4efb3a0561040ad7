using GradFlow.Numerics;

namespace GradFlow.Model;

/// <summary>
/// Forward and backward passes of an <see cref="Mlp"/> over a fixed batch, with every buffer sized
/// once. After <see cref="Forward"/> the caches (<see cref="PreActivation"/>, <see cref="Output"/>,
/// <see cref="PhiPrime"/>) hold the pass, so diagnostics never need a second one; after
/// <see cref="Backward"/>, <see cref="Delta"/> holds ∂L/∂z and <see cref="GradW"/>/<see cref="GradB"/> ∂L/∂W, ∂L/∂b.
/// <para>
/// Layout: every per-sample matrix is unit-major, (units × BatchSize): row j holds unit j over all
/// samples. Each kernel then runs along the batch, the long axis, in contiguous spans; the sums
/// over units keep the textbook order k = 0, 1, … so the layout changes no bit of z.
/// </para>
/// </summary>
public sealed class BatchPass
{
    private readonly double[] _input;
    private readonly double[][] _z, _a, _dphi, _delta, _gradW, _gradB;
    private readonly bool[] _tiled;
    private readonly PanelGemm? _panels;
    private readonly LaneDotGemm? _lanes;
    private readonly ParallelActivation? _activation;

    /// <param name="arch">The network's widths.</param>
    /// <param name="batchSize">Rows per pass.</param>
    /// <param name="kernels">Which kernels take the layers: by shape (the default), or one kind forced; the bits are the same.</param>
    /// <param name="threads">Threads that may split one layer's products (the outputs, never a sum); the bits are the same for any count.</param>
    public BatchPass(Architecture arch, int batchSize, KernelPath kernels = KernelPath.ByShape, int threads = 1)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "a batch needs at least one row");
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Architecture = arch;
        BatchSize = batchSize;
        int layers = arch.LayerCount;
        _input = new double[arch.Inputs * batchSize];
        _z = new double[layers][];
        _a = new double[layers][];
        _dphi = new double[layers][];
        _delta = new double[layers][];
        _gradW = new double[layers][];
        _gradB = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            int fanIn = arch.Widths[l], fanOut = arch.Widths[l + 1];
            _z[l] = new double[fanOut * batchSize];
            _a[l] = new double[fanOut * batchSize];
            _dphi[l] = new double[fanOut * batchSize];
            _delta[l] = new double[fanOut * batchSize];
            _gradW[l] = new double[fanIn * fanOut];
            _gradB[l] = new double[fanOut];
        }
        _tiled = new bool[layers];
        int widest = 0;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = arch.Widths[l], fanOut = arch.Widths[l + 1];
            _tiled[l] = TiledKernels.Take(fanIn, fanOut, kernels);
            if (_tiled[l]) widest = Math.Max(widest, Math.Max(fanIn, fanOut));
        }
        // Stryker disable once Equality,Boolean,Statement : φ split across threads (or across one) gives the bits of one call (docs/mutation-survivors.md)
        if (threads > 1) _activation = new ParallelActivation(threads);
        if (widest > 0)
        {
            _panels = new PanelGemm(widest, widest, threads: threads);
            _lanes = new LaneDotGemm(threads);
        }
    }

    /// <summary>Whether layer l's three products (z, ∂L/∂W, δ below) run through the tiled kernels.</summary>
    public bool IsTiled(int l) => _tiled[l];

    public Architecture Architecture { get; }
    public int BatchSize { get; }
    public int LayerCount => _z.Length;

    /// <summary>z of layer l (0-based), (fan_out × BatchSize): unit j's values over the batch at [j·BatchSize ..].</summary>
    public ReadOnlySpan<double> PreActivation(int l) => _z[l];

    /// <summary>φ(z) of hidden layer l, or p = σ(z) for the output layer; same layout as z.</summary>
    public ReadOnlySpan<double> Output(int l) => _a[l];

    /// <summary>φ′(z) of hidden layer l (unused for the output layer); same layout as z.</summary>
    public ReadOnlySpan<double> PhiPrime(int l) => _dphi[l];

    /// <summary>∂L/∂z entering layer l: the backpropagated signal; same layout as z.</summary>
    public ReadOnlySpan<double> Delta(int l) => _delta[l];

    /// <summary>∂L/∂W of layer l, row-major (fan_in, fan_out) like the weights.</summary>
    public ReadOnlySpan<double> GradW(int l) => _gradW[l];

    public ReadOnlySpan<double> GradB(int l) => _gradB[l];

    /// <summary>The output logits s (the last layer's z), one per sample.</summary>
    public ReadOnlySpan<double> Logits => _z[^1];

    /// <summary>The output probabilities p = σ(s), one per sample.</summary>
    public ReadOnlySpan<double> Probabilities => _a[^1];

    /// <summary>z = a·W + b layer by layer; φ on hidden layers, σ on the output. <paramref name="x"/> is row-major (samples × features).</summary>
    public void Forward(Mlp model, ReadOnlySpan<double> x)
    {
        CheckModel(model);
        int m = BatchSize, d = Architecture.Inputs;
        if (x.Length != m * d)
            throw new ArgumentException($"input holds {x.Length} values, expected {m} rows × {d} features");
        for (int r = 0; r < m; r++)
            for (int k = 0; k < d; k++) _input[k * m + r] = x[r * d + k];

        ReadOnlySpan<double> input = _input;
        int last = LayerCount - 1;
        for (int l = 0; l < LayerCount; l++)
        {
            var layer = model.Layers[l];
            int fanIn = layer.FanIn, fanOut = layer.FanOut;
            Span<double> z = _z[l];
            // z[j, :] = b[j] + Σ_k W[k, j]·a[k, :], k in order, one rounding per term.
            if (_tiled[l]) _panels!.Multiply(layer.Weights, 1, fanOut, fanOut, fanIn, layer.Bias, l == 0 ? _input : _a[l - 1], m, _z[l], []);
            else
            {
                // Two units at a time share the loads of a.
                int j = 0;
                for (; j + 2 <= fanOut; j += 2)
                    Kernels.LinearCombination2(input, fanIn, layer.Weights.AsSpan(j), fanOut, 1, layer.Bias[j], layer.Bias[j + 1], z.Slice(j * m, m), z.Slice((j + 1) * m, m));
                if (j < fanOut)
                    Kernels.LinearCombination(input, fanIn, layer.Weights.AsSpan(j), fanOut, layer.Bias[j], z.Slice(j * m, m));
            }
            if (l == last) for (int i = 0; i < z.Length; i++) _a[l][i] = SpecialFunctions.Sigmoid(z[i]);
            else if (_activation is not null) _activation.Apply(model.Activation, _z[l], _a[l], _dphi[l], z.Length);
            else model.Activation.Apply(z, _a[l], _dphi[l]);
            input = _a[l];
        }
    }

    /// <summary>Mean binary cross-entropy of the last forward pass.</summary>
    public double Loss(ReadOnlySpan<double> y) => BinaryCrossEntropy.Mean(Logits, y);

    /// <summary>Accuracy (p ≥ 0.5) of the last forward pass.</summary>
    public double Accuracy(ReadOnlySpan<double> y) => BinaryCrossEntropy.Accuracy(Probabilities, y);

    /// <summary>Backpropagation of the mean cross-entropy through the last forward pass.</summary>
    public void Backward(Mlp model, ReadOnlySpan<double> y)
    {
        CheckModel(model);
        int m = BatchSize;
        if (y.Length != m) throw new ArgumentException($"{y.Length} labels for a batch of {m}");
        int last = LayerCount - 1;
        // Output: ∂L/∂s = (p − y)/m, the sigmoid and the cross-entropy cancelling.
        Span<double> deltaOut = _delta[last];
        double invM = 1.0 / m;
        for (int r = 0; r < m; r++) deltaOut[r] = (_a[last][r] - y[r]) * invM;

        for (int l = last; l >= 0; l--)
        {
            var layer = model.Layers[l];
            ReadOnlySpan<double> input = l == 0 ? _input : _a[l - 1];
            int fanIn = layer.FanIn, fanOut = layer.FanOut;
            ReadOnlySpan<double> delta = _delta[l];
            // ∂L/∂W[k, j] = Σ_r a[k, r]·δ[j, r] and ∂L/∂b[j] = Σ_r δ[j, r]: fixed-order sums along the batch.
            if (fanOut == 1)
            {
                // One unit (the output): the fanIn dot products share δ instead; fma(a, b, c) = fma(b, a, c), so the same bits.
                Kernels.Dots(delta[..m], input[..(fanIn * m)], _gradW[l]);
            }
            else if (_tiled[l]) _lanes!.Multiply(l == 0 ? _input : _a[l - 1], fanIn, _delta[l], fanOut, m, _gradW[l]);
            else
            {
                for (int k = 0; k < fanIn; k++)
                    Kernels.Dots(input.Slice(k * m, m), delta, _gradW[l].AsSpan(k * fanOut, fanOut));
            }
            for (int j = 0; j < fanOut; j++) _gradB[l][j] = Kernels.Sum(delta.Slice(j * m, m));
            if (l == 0) break;
            // δ_prev[k, :] = φ′(z_prev[k, :]) ⊙ Σ_j W[k, j]·δ[j, :], two units k at a time sharing the loads of δ.
            Span<double> deltaPrev = _delta[l - 1];
            if (_tiled[l])
            {
                _panels!.Multiply(layer.Weights, fanOut, 1, fanIn, fanOut, [], _delta[l], m, _delta[l - 1], _dphi[l - 1]);
                // Stryker disable once Statement : the row kernels below write the same δ bits again (BatchPassKernelPathTests) (docs/mutation-survivors.md)
                continue;
            }
            int k2 = 0;
            for (; k2 + 2 <= fanIn; k2 += 2)
                Kernels.LinearCombination2(delta, fanOut, layer.Weights.AsSpan(k2 * fanOut), 1, fanOut, 0.0, 0.0,
                    deltaPrev.Slice(k2 * m, m), deltaPrev.Slice((k2 + 1) * m, m));
            if (k2 < fanIn)
                Kernels.LinearCombination(delta, fanOut, layer.Weights.AsSpan(k2 * fanOut, fanOut), 1, 0.0, deltaPrev.Slice(k2 * m, m));
            Kernels.Multiply(_dphi[l - 1].AsSpan(0, fanIn * m), deltaPrev[..(fanIn * m)]);
        }
    }

    /// <summary>One full-batch gradient-descent step with the gradients of the last backward pass.</summary>
    public void Step(Mlp model, double learningRate)
    {
        CheckModel(model);
        for (int l = 0; l < LayerCount; l++)
        {
            Kernels.Descend(learningRate, _gradW[l], model.Layers[l].Weights);
            Kernels.Descend(learningRate, _gradB[l], model.Layers[l].Bias);
        }
    }

    private void CheckModel(Mlp model)
    {
        if (!model.Architecture.Equals(Architecture))
            throw new ArgumentException($"model architecture [{model.Architecture}] does not match the pass's [{Architecture}]");
    }
}
