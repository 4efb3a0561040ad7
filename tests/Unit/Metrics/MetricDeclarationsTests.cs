using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Metrics;

/// <summary>
/// The catalog's declarations against the run-file columns the README documents (section "Sweeps: metrics",
/// and "Curvature" for the --curvature-every columns): names, scopes, log axes and directions.
/// </summary>
public sealed class MetricDeclarationsTests
{
    // (pattern, scope) as documented: per layer includes the output layer, per hidden layer does not.
    private static readonly (string Pattern, MetricScope Scope)[] Documented =
    [
        ("train_loss", MetricScope.Network), ("train_acc", MetricScope.Network), ("test_loss", MetricScope.Network), ("test_acc", MetricScope.Network),
        ("grad_norm_L{i}", MetricScope.Layer), ("grad_rms_L{i}", MetricScope.Layer), ("delta_norm_L{i}", MetricScope.Layer),
        ("dphi_small_rate", MetricScope.Network), ("dphi_mean_abs", MetricScope.Network), ("dphi_p10_abs", MetricScope.Network),
        ("dphi_p01_abs", MetricScope.Network), ("dphi_log_mean", MetricScope.Network), ("z_mean_abs", MetricScope.Network),
        ("z_p90_abs", MetricScope.Network), ("z_near0_rate", MetricScope.Network), ("limit_rate", MetricScope.Network),
        ("limit_rate_L{i}", MetricScope.HiddenLayer), ("dphi_mean_abs_L{i}", MetricScope.HiddenLayer),
        ("z_p90_abs_L{i}", MetricScope.HiddenLayer), ("dead_units_L{i}", MetricScope.HiddenLayer),
        ("sharpness", MetricScope.Network), ("hessian_min_eig", MetricScope.Network), ("hessian_trace", MetricScope.Network),
        ("sharpness_lr_over_2", MetricScope.Network), ("update_ratio_L{i}", MetricScope.Layer), ("distance_from_init", MetricScope.Network),
        ("grad_cosine", MetricScope.Network), ("step_alpha", MetricScope.Network),
    ];

    [Fact]
    public void All_Patterns_AreTheDocumentedColumnsWithTheirScopes()
    {
        Assert.Equal(Documented.Select(d => d.Pattern).Order(StringComparer.Ordinal), MetricCatalog.Patterns.Order(StringComparer.Ordinal));
        foreach (var (pattern, scope) in Documented)
            Assert.Equal(scope, MetricCatalog.All.Single(m => m.Pattern == pattern).Scope);
    }

    [Fact]
    public void LogAxis_ExactlyTheGradientAndSignalNormsAndUpdateRatios()
    {
        // The values that span decades: the README's "log axes (gradient norms)", the backpropagated signal and η‖g‖/‖W‖.
        Assert.Equal(["delta_norm", "grad_norm", "grad_rms", "update_ratio"],
            MetricCatalog.All.Where(m => m.LogAxis).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HigherIsBetter_AccuracyUpLossAndDeadUnitsDownTheRestNeither()
    {
        Assert.Equal(["test_acc", "train_acc"], MetricCatalog.All.Where(m => m.HigherIsBetter == true).Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["dead_units", "test_loss", "train_loss"], MetricCatalog.All.Where(m => m.HigherIsBetter == false).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShortName_TablesSayAccuracyInWords()
    {
        Assert.Equal("train acc", MetricCatalog.TrainAccuracy.ShortName);
        Assert.Equal("test acc", MetricCatalog.TestAccuracy.ShortName);
        Assert.All(MetricCatalog.All.Where(m => m != MetricCatalog.TrainAccuracy && m != MetricCatalog.TestAccuracy), m => Assert.Equal(m.Name, m.ShortName));
    }

    [Fact]
    public void Groups_AreFourDistinctNamedGroups()
    {
        string[] groups = [MetricCatalog.CoreGroup, MetricCatalog.GradientFlowGroup, MetricCatalog.CurvatureGroup, MetricCatalog.DynamicsGroup];
        Assert.All(groups, g => Assert.False(string.IsNullOrWhiteSpace(g)));
        Assert.Equal(4, groups.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("grad_norm_L99999999999")] // a layer past int
    [InlineData("grad_norm_L")]
    [InlineData("_L2")]
    public void Find_LayerThatIsNotANumberOrNoName_Null(string column) => Assert.Null(MetricCatalog.Find(column));

    [Fact]
    public void Find_Null_Throws() => Assert.Throws<ArgumentNullException>(() => MetricCatalog.Find(null!));

    [Fact]
    public void Layout_NullList_Throws() => Assert.Throws<ArgumentNullException>(() => new MetricLayout(null!, 2));

    [Fact]
    public void Layout_MetricListedTwice_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricLayout([MetricCatalog.TrainLoss, MetricCatalog.GradNorm, MetricCatalog.GradNorm], 2));
        Assert.Contains("grad_norm_L{i} is listed twice", e.Message);
        var missing = Assert.Throws<KeyNotFoundException>(() => new MetricLayout([MetricCatalog.TrainLoss], 2).IndexOf(MetricCatalog.GradRms, 1));
        Assert.Contains("grad_rms_L{i} is not in this layout", missing.Message);
    }
}
