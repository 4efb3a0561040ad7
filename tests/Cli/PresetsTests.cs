using static GradFlow.Tests.Cli.Gradflow;

namespace GradFlow.Tests.Cli;

/// <summary><c>gradflow presets</c> lists the embedded presets.</summary>
public sealed class PresetsTests
{
    [Fact]
    public void Presets_ListsAllWithTheirKeyFields()
    {
        var result = Run("presets");

        Assert.Equal(0, result.Exit);
        var rows = result.OutLines.Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(["seed", "paper", "smoke", "deep", "eos", "paper-heldout", "deep-wide"], rows.Select(r => r[0]));
        Assert.Equal(["seed", "relu,tanh,arctan,softsign", "gaussian", "1", "42", "2,16,16,1", "300", "0.1", "0", "0.05", "2000", "4"], rows[0]);
        Assert.Equal(["paper", "relu,tanh,arctan,softsign", "xavier", "0.5,1,2", "0-9", "2,16,16,1", "300", "0.1", "0.25", "0.05", "3000", "120"], rows[1]);
        Assert.Equal(["eos", "relu,tanh,arctan,softsign", "xavier", "1", "0-9", "2,16,16,1", "300", "0.1", "0.25", "0.05,0.5,1,2", "2000", "160"], rows[4]);
        Assert.Equal(["paper-heldout", "relu,tanh,arctan,softsign", "xavier", "0.5,1,2", "10-29", "2,16,16,1", "300", "0.1", "0.25", "0.05", "3000", "240"], rows[5]);
    }
}
