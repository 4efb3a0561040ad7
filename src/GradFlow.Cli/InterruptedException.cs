namespace GradFlow.Cli;

/// <summary>A command stopped by Ctrl+C; the message says what was done and what was kept (one line, exit 130).</summary>
internal sealed class InterruptedException(string message) : OperationCanceledException(message);
