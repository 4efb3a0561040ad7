namespace GradFlow.Cli;

/// <summary>Where a command writes, and whether a person is watching (live progress, Spectre tables) or not (plain lines).</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive, CancellationToken Cancellation = default)
{
    /// <summary>What the first Ctrl+C waits for; the command keeps it current.</summary>
    public Interruption Interruption { get; init; } = new();

    /// <summary>The memory sizes are checked against: the machine's (null), or a fixed amount (tests, planning for a smaller machine).</summary>
    public long? AvailableMemory { get; init; }

    /// <summary>The longest silence of plain progress output: a line at least this often, even while no run finishes.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(10);

    public long Memory => AvailableMemory ?? Numerics.MemoryBudget.AvailableBytes;
}
