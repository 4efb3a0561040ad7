namespace GradFlow.Cli;

/// <summary>
/// What a command is doing right now, so that the first Ctrl+C can say at once what it waits for
/// (e.g. "2 runs in progress to stop at their next epoch") before the command stops.
/// </summary>
internal sealed class Interruption
{
    private volatile string _waitingFor = "the command to stop";

    /// <summary>Said after "stopping: waiting for …".</summary>
    public string WaitingFor
    {
        get => _waitingFor;
        set => _waitingFor = value;
    }

    /// <summary>The line printed at the first Ctrl+C.</summary>
    public string Notice => $"gradflow: Ctrl+C: stopping, waiting for {WaitingFor}; press Ctrl+C again to end at once";
}
