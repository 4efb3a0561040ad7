using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments.Claims;

/// <summary>StudyConfiguration: every field that shapes a run must match the preset, one at a time; the others need not.</summary>
public sealed class StudyConfigurationTests
{
    private static readonly Func<AblationSpec, bool> IsPaper = StudyConfiguration.Of(Presets.Paper);
    private static readonly Func<AblationSpec, bool> IsPaperAnyEpochs = StudyConfiguration.Of(Presets.Paper, anyEpochs: true);

    public static TheoryData<string> ShapingFields() => ["arch", "n", "noise", "test size", "relabel", "lr", "deriv eps", "z linear eps"];

    private static AblationSpec Changed(string field) => field switch
    {
        "arch" => Presets.Paper with { Arch = [2, 16, 8, 1] },
        "n" => Presets.Paper with { N = 301 },
        "noise" => Presets.Paper with { Noise = 0.2 },
        "test size" => Presets.Paper with { TestSize = 0.3 },
        "relabel" => Presets.Paper with { RelabelAfterNoise = true },
        "lr" => Presets.Paper with { LearningRate = 0.1 },
        "deriv eps" => Presets.Paper with { DerivEps = 1e-2 },
        "z linear eps" => Presets.Paper with { ZLinearEps = 0.2 },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(ShapingFields))]
    public void Of_OneShapingFieldDiffers_NotTheConfigurationWhateverTheEpochs(string field)
    {
        Assert.False(IsPaper(Changed(field)));
        Assert.False(IsPaperAnyEpochs(Changed(field)));
    }

    [Fact]
    public void Of_EpochsOrLogging_MatterUnlessAnyEpochs()
    {
        foreach (var spec in new[] { Presets.Paper with { Epochs = 10 }, Presets.Paper with { LogEvery = 5 } })
        {
            Assert.False(IsPaper(spec));
            Assert.True(IsPaperAnyEpochs(spec));
        }
    }

    [Fact]
    public void Of_NameSeedsSettings_DoNotMatter()
    {
        var other = Presets.Paper with { Name = "mine", Seeds = [77], Activations = ["tanh"], Inits = ["he"], Scales = [3.0] };
        Assert.True(IsPaper(other));
        Assert.True(IsPaperAnyEpochs(other));
    }
}
