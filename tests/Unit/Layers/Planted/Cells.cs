namespace GradFlow.Tests.Unit.Layers.Planted.Experiments;

/// <summary>Planted box Experiments of <see cref="PlantedLayeringTests"/>: Data must not use it.</summary>
internal static class Cells
{
    public static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
