namespace GradFlow.Tests.Cli;

/// <summary>A fresh temporary folder per test class instance, deleted afterwards.</summary>
public class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("gradflow-cli-").FullName;

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
