using System.Globalization;
using GradFlow.Model;

namespace GradFlow.Curvature;

/// <summary>
/// The Hessian file: <c>{"loss":L,"parameters":P,"eigenvalues":[ascending],"trace":T,"hessian":[[P rows of P]]}</c>,
/// parameters in the gradient file's order (layer by layer, weights row-major (fan_in, fan_out), then bias),
/// numbers in round-trip form.
/// </summary>
public static class HessianFile
{
    public static void Write(TextWriter w, HessianReport report)
    {
        w.Write("{\n");
        w.Write($"  \"loss\": {JsonArrays.Number(report.Loss)},\n");
        w.Write(string.Create(CultureInfo.InvariantCulture, $"  \"parameters\": {report.Parameters},\n"));
        w.Write("  \"eigenvalues\": ");
        JsonArrays.WriteRow(w, report.Spectrum.Values);
        w.Write($",\n  \"trace\": {JsonArrays.Number(report.Trace)},\n");
        w.Write("  \"hessian\": ");
        JsonArrays.WriteMatrix(w, report.Hessian.Values, report.Parameters, "  ");
        w.Write("\n}\n");
    }
}
