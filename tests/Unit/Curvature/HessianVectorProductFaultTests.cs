using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Model;
using GradFlow.Tests.Unit.Verification;

namespace GradFlow.Tests.Unit.Curvature;

/// <summary>The HVP gate can fail: a planted bug in the R-pass is caught, and the failing entries are named by parameter.</summary>
[Trait("Category", "GradientCheck")]
public sealed class HessianVectorProductFaultTests
{
    private static HessianVectorCheckReport CheckWith(string activation, RPassFault fault)
    {
        var arch = Architecture.Parse("2,3,1");
        var model = Mlp.Init(arch, ActivationRegistry.Get(activation), InitScheme.Xavier, 2.0, 5);
        var data = GradientGateTests.SmallData(2, 5);
        var v = new double[model.ParameterCount];
        GradFlow.Random.Generator.DefaultRng(6).StandardNormal(v);
        return HessianVectorCheck.Check(model, data, v, HessianVectorProductGateTests.Tolerance, fault);
    }

    [Fact]
    public void Check_CurvatureTermDropped_FailsAndNamesTheFirstLayersEntries()
    {
        var report = CheckWith("tanh", RPassFault.DropCurvatureTerm);

        Assert.False(report.Passed);
        Assert.False(report.CrossesKink);
        // φ″ enters only R(δ) of the hidden layer, so exactly the first layer's weights and biases go wrong.
        Assert.All(report.Failures, f => Assert.Equal(1, f.Id.Layer));
        Assert.Contains(report.Failures, f => f.Id.IsBias);
        Assert.Contains("HVP check FAILED", report.ToString());
        Assert.Contains("Hv[W1[", report.ToString());
    }

    [Fact]
    public void Check_DirectionDroppedFromBackward_FailsAndNamesTheFirstLayersEntries()
    {
        var report = CheckWith("softplus", RPassFault.DropDirectionInBackward);

        Assert.False(report.Passed);
        Assert.All(report.Failures, f => Assert.Equal(1, f.Id.Layer));
        Assert.Contains("Hv[b1[", report.ToString());
    }

    [Fact]
    public void Check_CurvatureTermDroppedForRelu_StillPasses()
    {
        // ReLU's φ″ is 0 away from its kink, so the φ″ term contributes nothing: the fault is invisible, as it should be.
        var report = CheckWith("relu", RPassFault.DropCurvatureTerm);

        // The check must actually compare: a direction that crossed the kink would pass nothing.
        Assert.False(report.CrossesKink, report.ToString());
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Check_NoFault_Passes()
    {
        Assert.True(CheckWith("tanh", RPassFault.None).Passed);
    }
}
