using System.Buffers.Binary;
using System.Security.Cryptography;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>
/// A fingerprint of a network's parameters: SHA-256 over the IEEE-754 bits of W1, b1, W2, b2, ... in
/// storage order, little-endian. Two models hash alike only if every parameter is the same bit for bit.
/// </summary>
public static class WeightHash
{
    public static string Sha256(Mlp model)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> bytes = stackalloc byte[sizeof(double)];
        foreach (var layer in model.Layers)
        {
            foreach (double w in layer.Weights) Append(sha, bytes, w);
            foreach (double b in layer.Bias) Append(sha, bytes, b);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Append(IncrementalHash sha, Span<byte> bytes, double value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes, BitConverter.DoubleToInt64Bits(value));
        sha.AppendData(bytes);
    }
}
