namespace GradFlow.Tests.Cli;

/// <summary>How the tests start real processes: the dotnet host that runs them, and the built gradflow.</summary>
internal static class ChildProcess
{
    /// <summary>The SDK tells the processes it starts where its host is; else the host running us, if it is dotnet.</summary>
    public static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>The gradflow command built beside the tests (GradFlow.Cli.dll, run with "dotnet exec").</summary>
    public static string Gradflow => Path.Combine(AppContext.BaseDirectory, "GradFlow.Cli.dll");
}
