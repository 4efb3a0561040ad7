namespace GradFlow.Tests.Experiments;

/// <summary>The study made deep (`deep` preset: eight hidden layers of 32, Xavier and He at scale 1, seeds 0–4).</summary>
[Trait("Category", "Experiment")]
public sealed class DeepStudyClaims(DeepPresetResults results) : IClassFixture<DeepPresetResults>
{
    // ‖∂L/∂z‖ entering the first layer over that entering the last hidden layer, at epoch 0, per seed.
    private double[] FirstOverLastHidden(string init)
    {
        int lastHidden = results.Spec.Arch.Count - 2;
        return results.RunsOf("relu", 1.0, init)
            .Select(r => r.Log[0, "delta_norm_L1"] / r.Log[0, $"delta_norm_L{lastHidden}"])
            .ToArray();
    }

    [Fact]
    public void Claim9_UnderXavier_ReluSignalVanishesTowardTheInput()
    {
        var ratios = FirstOverLastHidden("xavier");
        Claim.Holds(ratios.All(r => r < 0.25), "9: with ReLU under Xavier, the signal entering layer 1 is under a quarter of that entering the last hidden layer, on every seed (He et al., 2015)",
            $"ratios per seed [{string.Join(", ", ratios.Select(Claim.F))}]");
    }

    [Fact]
    public void Claim9_UnderHe_ReluSignalKeepsItsSize()
    {
        var ratios = FirstOverLastHidden("he");
        Claim.Holds(ratios.All(r => r > 1 / 2.5 && r < 2.5), "9: with ReLU under He, the signal entering layer 1 is within a factor of 2.5 of that entering the last hidden layer, on every seed",
            $"ratios per seed [{string.Join(", ", ratios.Select(Claim.F))}]");
    }
}
