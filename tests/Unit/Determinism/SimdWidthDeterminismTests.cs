using System.Diagnostics;
using GradFlow.DeterminismProbe;

namespace GradFlow.Tests.Unit.Determinism;

/// <summary>
/// The same training must give the same bits whatever SIMD width the JIT picks: the probe run is
/// trained here, and in child processes with AVX-512 and with AVX2 (and with it FMA) turned off.
/// </summary>
public sealed class SimdWidthDeterminismTests
{
    private static readonly Lazy<string> InProcess = new(() => ProbeRun.Describe(ProbeRun.Train()) + ";diagnostics=" + ProbeRun.DiagnosticsHash() + ";curvature=" + ProbeRun.CurvatureHash()
        + ";wide=" + ProbeRun.WideHash(1) + ";wide2=" + ProbeRun.WideHash(2));

    private static IReadOnlyDictionary<string, string> Parse(string line) =>
        line.Trim().Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);

    private static string DotnetHost()
    {
        // The SDK tells the processes it starts where its host is; else the host running us, if it is dotnet.
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    private static IReadOnlyDictionary<string, string> RunProbe(string variable)
    {
        string probe = typeof(ProbeRun).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(probe);
        start.Environment[variable] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the probe");
        // Both streams are read in the background, so the timeout below bounds a child that hangs.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"probe with {variable}=0 did not finish in 60 s");
        }
        process.WaitForExit(); // the exit seen, wait for the redirected streams to reach their end
        Assert.True(process.ExitCode == 0, $"probe with {variable}=0 exited {process.ExitCode}: {stderr.Result}");
        return Parse(stdout.Result);
    }

    [Fact]
    public void ProbeRun_WithAvx512Disabled_GivesTheSameWeightBits()
    {
        var here = Parse(InProcess.Value);

        var child = RunProbe("DOTNET_EnableAVX512");

        Assert.Equal("False", child["vector512"]); // the switch took effect
        Assert.Equal(here["hash"], child["hash"]);
        Assert.Equal(here["diagnostics"], child["diagnostics"]);
        Assert.Equal(here["curvature"], child["curvature"]);
        Assert.Equal(here["wide"], child["wide"]);
        Assert.Equal(here["wide"], child["wide2"]);
    }

    [Fact]
    public void ProbeRun_WithAvx2Disabled_GivesTheSameWeightBits()
    {
        var here = Parse(InProcess.Value);

        var child = RunProbe("DOTNET_EnableAVX2");

        // The switch took effect: no 256-bit vectors and no FMA instructions in the child.
        Assert.Equal("False", child["vector256"]);
        Assert.Equal("False", child["fma"]);
        Assert.Equal(here["hash"], child["hash"]);
        Assert.Equal(here["diagnostics"], child["diagnostics"]);
        Assert.Equal(here["curvature"], child["curvature"]);
        Assert.Equal(here["wide"], child["wide"]);
        Assert.Equal(here["wide"], child["wide2"]);
    }

    [Fact]
    public void WideRun_OneAndTwoKernelThreads_GiveTheSameBits()
    {
        var here = Parse(InProcess.Value);
        Assert.Equal(here["wide"], here["wide2"]);
    }

    [Fact]
    public void ProbeRun_Twice_GivesTheSameHash()
    {
        Assert.Equal(Parse(InProcess.Value)["hash"], Parse(ProbeRun.Describe(ProbeRun.Train()))["hash"]);
    }
}
