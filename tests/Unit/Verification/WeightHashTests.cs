using System.Buffers.Binary;
using System.Security.Cryptography;
using GradFlow.Activations;
using GradFlow.Tests.Unit.Model;
using GradFlow.Verification;

namespace GradFlow.Tests.Unit.Verification;

public sealed class WeightHashTests
{
    private static GradFlow.Model.Mlp Network(double b2) => HandBuilt.Network(Activation<Tanh>.Instance,
        HandBuilt.Layer(2, 2, [0.5, -1.25, 2.0, 1e-300], [0.125, -0.0]), HandBuilt.Layer(2, 1, [3.0, -7.5], [b2]));

    [Fact]
    public void Sha256_SmallNetwork_IsTheSha256OfItsParametersLittleEndianInStorageOrder()
    {
        // The documented layout, written out by hand: W1, b1, W2, b2, each double's IEEE-754 bits little-endian.
        double[] parameters = [0.5, -1.25, 2.0, 1e-300, 0.125, -0.0, 3.0, -7.5, 0.75];
        var bytes = new byte[8 * parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * i), BitConverter.DoubleToInt64Bits(parameters[i]));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), WeightHash.Sha256(Network(0.75)));
    }

    [Fact]
    public void Sha256_LastBiasOneUlpApart_Differs() =>
        Assert.NotEqual(WeightHash.Sha256(Network(0.75)), WeightHash.Sha256(Network(Math.BitIncrement(0.75))));
}
