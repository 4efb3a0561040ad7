using System.Text.Json;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

/// <summary>manifest.json is an output file: a property added to the spec record changes its bytes.</summary>
public sealed class ManifestFormatTests
{
    [Fact]
    public void Serialize_Spec_WritesExactlyTheFormatsFields()
    {
        var json = JsonSerializer.SerializeToElement(new AblationSpec(), ResultStore.JsonOptions);

        Assert.Equal(
            ["name", "activations", "inits", "scales", "seeds", "arch", "n", "noise", "test_size", "relabel_after_noise", "learning_rate",
             "epochs", "deriv_eps", "z_linear_eps", "log_every", "architecture", "has_test_split", "accuracy_metric"],
            json.EnumerateObject().Select(p => p.Name));
    }
}
