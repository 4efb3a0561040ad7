using GradFlow.Tests.Unit.Layers.Planted.Experiments; // the planted forbidden using: Data → Experiments
using GradFlow.Tests.Unit.Layers.Planted.Random;

namespace GradFlow.Tests.Unit.Layers.Planted.Data;

/// <summary>Planted box Data of <see cref="PlantedLayeringTests"/>: one allowed edge (Random), one forbidden (Experiments), inside a method body.</summary>
internal static class Rows
{
    public static string First() => Cells.Number(Draws.Next());
}
