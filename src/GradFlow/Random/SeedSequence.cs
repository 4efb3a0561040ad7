using System.Numerics;

namespace GradFlow.Random;

/// <summary>
/// NumPy's <c>np.random.SeedSequence(entropy)</c> for any integer entropy >= 0:
/// a 4-word pool mixed from the entropy's 32-bit words, then hashed out into as many words as asked.
/// </summary>
public sealed class SeedSequence
{
    /// <summary>Number of 32-bit words in the pool (NumPy's <c>DEFAULT_POOL_SIZE</c>).</summary>
    public const int PoolSize = 4;

    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16; // half the bits of a 32-bit word

    private readonly uint[] _pool = new uint[PoolSize];

    /// <summary>Same as <c>np.random.SeedSequence(entropy)</c> for any integer entropy >= 0.</summary>
    public SeedSequence(BigInteger entropy)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entropy.Sign, nameof(entropy));
        MixEntropy(Words(entropy));
    }

    /// <summary>NumPy's <c>_int_to_uint32_array</c>: the integer's 32-bit words, lowest first; 0 still gives one word.</summary>
    public static uint[] Words(BigInteger entropy)
    {
        var words = new List<uint>();
        do
        {
            words.Add((uint)(entropy & uint.MaxValue));
            // Stryker disable once Assignment : entropy is a non-negative BigInteger (negative seeds are refused), where >>= and >>>= agree (docs/mutation-survivors.md)
            entropy >>= 32;
        }
        while (!entropy.IsZero);
        return words.ToArray();
    }

    /// <summary>The mixed pool, NumPy's <c>SeedSequence.pool</c>.</summary>
    public ReadOnlySpan<uint> Pool => _pool;

    /// <summary><c>generate_state(destination.Length, np.uint32)</c>.</summary>
    public void GenerateState(Span<uint> destination)
    {
        uint hashConst = InitB;
        for (int i = 0; i < destination.Length; i++)
        {
            uint value = _pool[i % PoolSize] ^ hashConst;
            hashConst *= MultB;
            value *= hashConst;
            destination[i] = value ^
                // Stryker disable once Bitwise : value is a uint, where >> and >>> agree (docs/mutation-survivors.md)
                (value >> XShift);
        }
    }

    /// <summary><c>generate_state(destination.Length, np.uint64)</c>: pairs of 32-bit words, low word first.</summary>
    public void GenerateState(Span<ulong> destination)
    {
        uint[] words = new uint[2 * destination.Length];
        GenerateState(words);
        for (int i = 0; i < destination.Length; i++)
            destination[i] = words[2 * i] | ((ulong)words[2 * i + 1] << 32);
    }

    // NumPy's mix_entropy: hash the first words into the pool, mix every pool word into every other,
    // then mix each entropy word beyond the pool into every pool word (seeds of 2^128 and more).
    private void MixEntropy(ReadOnlySpan<uint> entropy)
    {
        uint hashConst = InitA;
        for (int i = 0; i < PoolSize; i++)
            _pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);

        for (int src = 0; src < PoolSize; src++)
        {
            for (int dst = 0; dst < PoolSize; dst++)
            {
                if (src != dst) _pool[dst] = Mix(_pool[dst], HashMix(_pool[src], ref hashConst));
            }
        }

        for (int src = PoolSize; src < entropy.Length; src++)
            for (int dst = 0; dst < PoolSize; dst++)
                _pool[dst] = Mix(_pool[dst], HashMix(entropy[src], ref hashConst));
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        return value ^
            // Stryker disable once Bitwise : value is a uint, where >> and >>> agree (docs/mutation-survivors.md)
            (value >> XShift);
    }

    private static uint Mix(uint x, uint y)
    {
        uint result = MixMultL * x - MixMultR * y;
        return result ^
            // Stryker disable once Bitwise : result is a uint, where >> and >>> agree (docs/mutation-survivors.md)
            (result >> XShift);
    }
}
