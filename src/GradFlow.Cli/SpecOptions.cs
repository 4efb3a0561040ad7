using System.CommandLine;
using GradFlow.Experiments;

namespace GradFlow.Cli;

/// <summary>The options that build an <see cref="AblationSpec"/>: a preset and any field overridden (`run` and `theory` share them).</summary>
internal sealed class SpecOptions
{
    private readonly Option<string?> _preset = Commands.Text("--preset", $"The preset the run starts from: {string.Join(", ", Presets.Names)} (see 'gradflow presets')", "seed");
    private readonly Option<string?> _activations = Commands.Text("--activations", "Hidden activations, comma-separated, e.g. relu,tanh [default: the preset's]");
    private readonly Option<string?> _inits = Commands.Text("--inits", "Weight inits, comma-separated: xavier, he, lecun, gaussian [default: the preset's]");
    private readonly Option<string?> _scales = Commands.Text("--scales", "Init scales s, comma-separated, each > 0, e.g. 0.5,1,2 [default: the preset's]");
    private readonly Option<string?> _seeds = Commands.Text("--seeds", "Seeds for data, split and init: 0-9, 0,3,7 or 0-2,7 [default: the preset's]");
    private readonly Option<string?> _epochs = Commands.Text("--epochs", "Epochs of full-batch gradient descent, > 0 [default: the preset's]");
    private readonly Option<string?> _arch = Commands.Text("--arch", "Layer widths, input 2 and output 1, e.g. 2,16,16,1 [default: the preset's]");
    private readonly Option<string?> _lr = Commands.Text("--lr", "Learning rate, a finite number > 0 [default: the preset's, 0.05]");
    private readonly Option<string?> _n = Commands.Text("--n", "Points of noisy XOR, > 0 [default: the preset's, 300]");
    private readonly Option<string?> _noise = Commands.Text("--noise", "Std of the Gaussian input noise, >= 0 [default: the preset's, 0.1]");
    private readonly Option<string?> _testSize = Commands.Text("--test-size", "Test fraction in [0, 1); 0 means no split [default: the preset's]");
    private readonly Option<bool> _relabel = Commands.Flag("--relabel-after-noise", "Label the points after adding the noise, not before [default: the preset's, off]");
    private readonly Option<string?> _derivEps = Commands.Text("--deriv-eps", "Threshold below which |φ′(z)| counts as vanishing, > 0 [default: the preset's, 0.001]");
    private readonly Option<string?> _zLinearEps = Commands.Text("--z-linear-eps", "Threshold below which |z| counts as near 0 (linear regime), > 0 [default: the preset's, 0.1]");
    private readonly Option<string?> _logEvery = Commands.Text("--log-every", "Record every K-th epoch (and the last), K > 0 [default: the preset's, 1]");
    private readonly Option<string?> _lrs = Commands.Text("--lrs", "Learning rates to sweep, comma-separated, each > 0, e.g. 0.05,0.5,1,2 (replaces --lr) [default: the preset's]");
    private readonly Option<string?> _curvatureEvery = Commands.Text("--curvature-every", "Record the Hessian's λ_max, λ_min and trace every K-th epoch (and the per-epoch dynamics); 0 = off [default: the preset's, 0]");

    /// <summary>Adds the options to <paramref name="command"/> in the order `--help` lists them.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _preset, _activations, _inits, _scales, _seeds, _epochs, _arch, _lr, _n, _noise, _testSize, _relabel, _derivEps, _zLinearEps, _logEvery, _lrs, _curvatureEvery })
            command.Options.Add(option);
    }

    /// <summary>The preset with every given override, validated (a bad value is a <see cref="UsageException"/> or <see cref="SpecException"/>).</summary>
    public AblationSpec Build(ParseResult parse)
    {
        var spec = Preset(parse.GetValue(_preset)!);
        if (parse.GetValue(_activations) is { } a) spec = spec with { Activations = Values.Activations("--activations", a) };
        if (parse.GetValue(_inits) is { } i) spec = spec with { Inits = Values.Inits("--inits", i) };
        if (parse.GetValue(_scales) is { } s) spec = spec with { Scales = Values.Scales("--scales", s) };
        if (parse.GetValue(_seeds) is { } sd) spec = spec with { Seeds = Values.Seeds("--seeds", sd) };
        if (parse.GetValue(_epochs) is { } e) spec = spec with { Epochs = Values.Integer("--epochs", e, 1, "3000") };
        if (parse.GetValue(_arch) is { } ar) spec = spec with { Arch = Values.Arch("--arch", ar).Widths.ToArray() };
        if (parse.GetValue(_lr) is { } l) spec = spec with { LearningRate = Values.Positive("--lr", l, "0.05") };
        if (parse.GetValue(_n) is { } nn) spec = spec with { N = Values.Integer("--n", nn, 1, "300") };
        if (parse.GetValue(_noise) is { } no) spec = spec with { Noise = Values.NonNegative("--noise", no, "0.1") };
        if (parse.GetValue(_testSize) is { } ts) spec = spec with { TestSize = Values.TestSize("--test-size", ts) };
        if (parse.GetValue(_relabel)) spec = spec with { RelabelAfterNoise = true };
        if (parse.GetValue(_derivEps) is { } de) spec = spec with { DerivEps = Values.Positive("--deriv-eps", de, "0.001") };
        if (parse.GetValue(_zLinearEps) is { } ze) spec = spec with { ZLinearEps = Values.Positive("--z-linear-eps", ze, "0.1") };
        if (parse.GetValue(_logEvery) is { } le) spec = spec with { LogEvery = Values.Integer("--log-every", le, 1, "10") };
        if (parse.GetValue(_lrs) is { } rs) spec = spec with { LearningRates = Values.Scales("--lrs", rs) };
        // --lr alone replaces a preset's rate list too.
        if (parse.GetValue(_lr) is not null && parse.GetValue(_lrs) is null) spec = spec with { LearningRates = null };
        if (parse.GetValue(_curvatureEvery) is { } ce) spec = spec with { CurvatureEvery = Values.Integer("--curvature-every", ce, 0, "10") };
        return spec.Validate();
    }

    private static AblationSpec Preset(string name)
    {
        try { return Presets.Get(name); }
        catch (SpecException e) { throw new UsageException("--preset: " + e.Message); }
    }
}
