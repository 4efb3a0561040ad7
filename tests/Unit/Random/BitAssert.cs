using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Xunit;

namespace GradFlow.Tests.Unit.Random;

/// <summary>Bit-for-bit comparison of doubles, naming the first index that differs.</summary>
internal static class BitAssert
{
    public static void Equal(long[] expectedBits, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expectedBits.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            long actualBits = BitConverter.DoubleToInt64Bits(actual[i]);
            if (actualBits != expectedBits[i])
            {
                double expected = BitConverter.Int64BitsToDouble(expectedBits[i]);
                Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"{what}[{i}]: expected {expected:R} (0x{expectedBits[i]:X16}), got {actual[i]:R} (0x{actualBits:X16})"));
            }
        }
    }

    /// <summary>SHA-256 of the doubles' little-endian bytes, as make_vectors.py hashes NumPy's draws.</summary>
    public static string Sha256(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
