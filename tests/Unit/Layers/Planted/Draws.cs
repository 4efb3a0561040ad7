namespace GradFlow.Tests.Unit.Layers.Planted.Random;

/// <summary>Planted box Random of <see cref="PlantedLayeringTests"/>: used by Data, as allowed.</summary>
internal static class Draws
{
    public static double Next() => 0.5;
}
