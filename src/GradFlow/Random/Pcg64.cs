using System.Numerics;
using System.Runtime.CompilerServices;

namespace GradFlow.Random;

/// <summary>
/// NumPy's <c>PCG64</c> bit generator: a 128-bit LCG with the XSL-RR output function,
/// seeded from a <see cref="SeedSequence"/>, with NumPy's buffered 32-bit draws.
/// </summary>
public sealed class Pcg64
{
    private const ulong MultiplierHigh = 0x2360ED051FC65DA4;
    private const ulong MultiplierLow = 0x4385DF649FCCF645;

    private ulong _stateHigh;
    private ulong _stateLow;
    private readonly ulong _incrementHigh;
    private readonly ulong _incrementLow;
    private bool _hasUInt32;
    private uint _bufferedUInt32;

    /// <summary>Same as <c>np.random.PCG64(seed_sequence)</c>.</summary>
    public Pcg64(SeedSequence seedSequence)
    {
        ArgumentNullException.ThrowIfNull(seedSequence);
        Span<ulong> words = stackalloc ulong[4];
        seedSequence.GenerateState(words);
        // NumPy reads words[0..1] as (high, low) of the initial state and words[2..3] as the
        // stream selector; the increment is (selector << 1) | 1.
        _incrementHigh = (words[2] << 1) |
            // Stryker disable once Bitwise : words[3] is a ulong, where >> and >>> agree (docs/mutation-survivors.md)
            (words[3] >> 63);
        _incrementLow = (words[3] << 1) | 1;
        // PCG's srandom: state = 0, step, add the initial state, step.
        Step();
        ulong low = _stateLow + words[1];
        // Stryker disable once Equality : low = words[1] needs the state's low word 0 after the first step, but it is the increment's, which is odd (docs/mutation-survivors.md)
        _stateHigh += words[0] + (low < words[1] ? 1UL : 0UL);
        _stateLow = low;
        Step();
    }

    /// <summary>Same as <c>np.random.PCG64(seed)</c>.</summary>
    public Pcg64(BigInteger seed) : this(new SeedSequence(seed))
    {
    }

    /// <summary>The LCG state, as NumPy's <c>bit_generator.state['state']['state']</c>.</summary>
    public UInt128 State => new(_stateHigh, _stateLow);

    /// <summary>The LCG increment, as NumPy's <c>bit_generator.state['state']['inc']</c>.</summary>
    public UInt128 Increment => new(_incrementHigh, _incrementLow);

    /// <summary>Whether a high half is buffered for the next 32-bit draw (NumPy's <c>has_uint32</c>).</summary>
    public bool HasBufferedUInt32 => _hasUInt32;

    /// <summary>The next 64-bit output; it leaves a buffered 32-bit half in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        Step();
        // Stryker disable once Bitwise : _stateHigh is a ulong, where >> and >>> agree (docs/mutation-survivors.md)
        return BitOperations.RotateRight(_stateHigh ^ _stateLow, (int)(_stateHigh >> 58));
    }

    /// <summary>The next 32-bit output: the low half of a fresh 64-bit output, whose high half is kept for the following call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _bufferedUInt32;
        }
        ulong next = NextUInt64();
        _hasUInt32 = true;
        // Stryker disable once Bitwise : next is a ulong, where >> and >>> agree (docs/mutation-survivors.md)
        _bufferedUInt32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>A double in [0, 1): the top 53 bits of a 64-bit output times 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() =>
        // Stryker disable once Bitwise : the draw is a ulong, where >> and >>> agree (docs/mutation-survivors.md)
        (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    // state = state * multiplier + increment (mod 2^128), on two 64-bit halves.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step()
    {
        ulong high = Math.BigMul(_stateLow, MultiplierLow, out ulong low);
        high += _stateLow * MultiplierHigh + _stateHigh * MultiplierLow;
        ulong newLow = low + _incrementLow;
        // Stryker disable once Equality : newLow = low needs the increment's low word 0, but it is odd (docs/mutation-survivors.md)
        _stateHigh = high + _incrementHigh + (newLow < low ? 1UL : 0UL);
        _stateLow = newLow;
    }
}
