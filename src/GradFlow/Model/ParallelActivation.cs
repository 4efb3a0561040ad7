using GradFlow.Activations;
using GradFlow.Numerics;

namespace GradFlow.Model;

/// <summary>
/// φ and φ′ of a wide layer split into contiguous element ranges across a <see cref="KernelTeam"/>. The
/// activations' drivers give the same bits wherever a span starts or ends, so the split changes none.
/// </summary>
internal sealed class ParallelActivation : IPartitionedWork
{
    /// <summary>Below this many elements (≈ 80 µs of tanh) one thread does it all.</summary>
    // Stryker disable once Bitwise : the threshold only picks one call or the split, which give the same bits (docs/mutation-survivors.md)
    public const int MinimumLength = 1 << 16;

    private readonly int _threads;
    private KernelTeam? _team;
    private Activation? _activation;
    // Stryker disable once CollectionExpression : Apply sets the arrays before any part reads them (docs/mutation-survivors.md)
    private double[] _z = [], _a = [], _dphi = [];
    private int _length;

    public ParallelActivation(int threads) => _threads = threads;

    public void Apply(Activation activation, double[] z, double[] a, double[] dphi, int length)
    {
        // Stryker disable once Equality,Boolean,Block : one call or the split give the same bits, whichever runs (docs/mutation-survivors.md)
        if (length < MinimumLength)
        {
            activation.Apply(z.AsSpan(0, length), a.AsSpan(0, length), dphi.AsSpan(0, length));
            // Stryker disable once Statement : the split after it writes the same bits again (docs/mutation-survivors.md)
            return;
        }
        (_activation, _z, _a, _dphi, _length) = (activation, z, a, dphi, length);
        // Stryker disable once Assignment : KernelTeam.Shared keeps one team per size, so asking again gives the same team (docs/mutation-survivors.md)
        (_team ??= KernelTeam.Shared(_threads)).Run(this, _threads);
        // Stryker disable once CollectionExpression : only lets go of the caller's arrays; the next Apply sets them again (docs/mutation-survivors.md)
        (_activation, _z, _a, _dphi) = (null, [], [], []);
    }

    public void Run(int part, int parts)
    {
        // Range ends on multiples of 8, so each part's vectors start where one thread's would.
        int start = (int)((long)_length * part / parts) & ~7, end = part == parts - 1 ? _length : (int)((long)_length * (part + 1) / parts) & ~7;
        _activation!.Apply(_z.AsSpan(start, end - start), _a.AsSpan(start, end - start), _dphi.AsSpan(start, end - start));
    }
}
