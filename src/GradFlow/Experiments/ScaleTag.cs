using System.Globalization;
using GradFlow.IO;

namespace GradFlow.Experiments;

/// <summary>The study's file tag for an init scale: 0.5 → s0p5, 1.0 → s1, 2.0 → s2.</summary>
public static class ScaleTag
{
    public static string Of(double scale) =>
        "s" + Numbers.Format(scale).Replace('.', 'p').Replace("E+", "e").Replace("E-", "em");
}
