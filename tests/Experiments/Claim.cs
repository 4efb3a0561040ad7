namespace GradFlow.Tests.Experiments;

/// <summary>Decides one claim of the study; a failure names the claim, the setting, the values and the statistic.</summary>
internal static class Claim
{
    public static void Holds(bool condition, string claim, string evidence)
    {
        if (!condition) Assert.Fail($"claim no longer holds: {claim}\n  measured: {evidence}");
    }

    public static string F(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
