using GradFlow.Curvature;

namespace GradFlow.Tests.Unit.Curvature;

public sealed class HessianFileTests
{
    [Fact]
    public void Write_TwoParameterReport_IsTheDocumentedLayoutInRoundTripForm()
    {
        // H = [[1, 0.5], [0.5, 2]] (trace 3); the spectrum is given as is, the file only carries it.
        var report = new HessianReport(0.5, new HessianMatrix(2, [1, 0.5, 0.5, 2], 0.0), new EigenDecomposition(2, [0.25, 3], null));
        var w = new StringWriter { NewLine = "\n" };

        HessianFile.Write(w, report);

        const string expected = "{\n  \"loss\": 0.5,\n  \"parameters\": 2,\n  \"eigenvalues\": [0.25, 3],\n  \"trace\": 3,\n  \"hessian\": [\n    [1, 0.5],\n    [0.5, 2]\n  ]\n}\n";
        Assert.Equal(expected, w.ToString());
    }

    [Fact]
    public void Write_NonFiniteLoss_IsWrittenAsItsJsonString()
    {
        var report = new HessianReport(double.NaN, new HessianMatrix(1, [0.1], 0.0), new EigenDecomposition(1, [0.1], null));
        var w = new StringWriter();

        HessianFile.Write(w, report);

        Assert.StartsWith("{\n  \"loss\": \"NaN\",\n  \"parameters\": 1,\n", w.ToString());
        Assert.Contains("\"trace\": 0.1,", w.ToString());
    }
}
