namespace GradFlow.Tests.Unit.Layers.Planted.Gadgets;

/// <summary>Planted namespace that no rule names: <see cref="PlantedLayeringTests"/> expects it reported.</summary>
internal sealed class Gadget
{
    public double Value { get; } = Random.Draws.Next();
}
